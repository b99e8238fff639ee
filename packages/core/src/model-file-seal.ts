// A model file's seal: the SHA-256 of its bytes, kept in the file itself as one more ONNX
// metadata_props entry placed first. Protobuf lets a repeated field's records stand anywhere, so
// the seal is one record of fixed length at the start and the digest covers every byte after it:
// graph, weights and card alike. A flipped bit or a truncated copy no longer matches; a file
// written by another tool has no seal and is read as it is.
import { EmotionStreamError } from "./errors.js";

export const MODEL_SEAL_METADATA_KEY = "emotion_stream_sha256";

// ModelProto.metadata_props is field 14; StringStringEntryProto has key = 1, value = 2.
const METADATA_PROPS_FIELD = 14;
const LENGTH_DELIMITED = 2;
const DIGEST_HEX_LENGTH = 64;

const SEAL_ENTRY_PREFIX = [
  ...lengthDelimitedHead(1, utf8(MODEL_SEAL_METADATA_KEY).length),
  ...utf8(MODEL_SEAL_METADATA_KEY),
  ...lengthDelimitedHead(2, DIGEST_HEX_LENGTH),
];
/** Every byte of the seal record before its 64 hex digits. */
const SEAL_PREFIX = Uint8Array.from([
  ...lengthDelimitedHead(METADATA_PROPS_FIELD, SEAL_ENTRY_PREFIX.length + DIGEST_HEX_LENGTH),
  ...SEAL_ENTRY_PREFIX,
]);
const SEAL_LENGTH = SEAL_PREFIX.length + DIGEST_HEX_LENGTH;

export type ModelSealState = "sealed" | "unsealed";

/** The file with its seal in front; a seal already there is replaced. */
export async function sealModelFile(bytes: Uint8Array): Promise<Uint8Array> {
  const content = hasSeal(bytes) ? bytes.subarray(SEAL_LENGTH) : bytes;
  const digest = utf8(await sha256Hex(content));
  const sealed = new Uint8Array(SEAL_LENGTH + content.length);
  sealed.set(SEAL_PREFIX, 0);
  sealed.set(digest, SEAL_PREFIX.length);
  sealed.set(content, SEAL_LENGTH);
  return sealed;
}

/**
 * "sealed" when the file's seal matches its content, "unsealed" when it has none; BAD_MODEL naming
 * `file` when the content differs from what was sealed (a flipped bit, a truncated copy).
 */
export async function checkModelSeal(bytes: Uint8Array, file: string): Promise<ModelSealState> {
  if (!hasSeal(bytes)) return "unsealed";
  const expected = new TextDecoder().decode(bytes.subarray(SEAL_PREFIX.length, SEAL_LENGTH));
  const actual = await sha256Hex(bytes.subarray(SEAL_LENGTH));
  if (actual !== expected) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      "the model file is damaged: its content does not match the SHA-256 it was sealed with",
      { file, field: `metadata_props.${MODEL_SEAL_METADATA_KEY}`, expected, received: actual },
    );
  }
  return "sealed";
}

function hasSeal(bytes: Uint8Array): boolean {
  if (bytes.length < SEAL_LENGTH) return false;
  return SEAL_PREFIX.every((byte, index) => bytes[index] === byte);
}

function lengthDelimitedHead(field: number, length: number): number[] {
  return [...varint(field * 8 + LENGTH_DELIMITED), ...varint(length)];
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
