// The binary message: a 12-byte little-endian header naming the stream's slot on the connection,
// then whole frames of little-endian values. One connection multiplexes streams by slot.
//
//   offset 0  u8[2]  magic "ES" (0x45 0x53)
//   offset 2  u8     format version (BINARY_FRAME_VERSION)
//   offset 3  u8     payload kind: 0 float32 feature frames, 1 PCM s16le, 2 PCM f32le
//   offset 4  u16    stream slot, as declared in the stream's `open`
//   offset 6  u16    values per frame (the feature dimension; 1 for mono PCM)
//   offset 8  u32    frame count (samples for PCM)
//   offset 12        frame count x values per frame values, 4 bytes (float32) or 2 bytes (s16)
import { EmotionStreamError } from "../errors.js";

export const BINARY_FRAME_MAGIC = [0x45, 0x53] as const;
export const BINARY_FRAME_VERSION = 1;
export const BINARY_HEADER_BYTES = 12;

export const BINARY_PAYLOAD_KINDS = ["features", "s16le", "f32le"] as const;

export type BinaryPayloadKind = (typeof BINARY_PAYLOAD_KINDS)[number];

interface BinaryFramesHeader {
  readonly slot: number;
  /** Values per frame. */
  readonly dimension: number;
  readonly frameCount: number;
}

export type BinaryFrames =
  | (BinaryFramesHeader & { readonly kind: "features" | "f32le"; readonly values: Float32Array })
  | (BinaryFramesHeader & { readonly kind: "s16le"; readonly values: Int16Array });

export type BinaryFramesInput =
  | {
      readonly kind: "features" | "f32le";
      readonly slot: number;
      readonly dimension: number;
      readonly values: Float32Array;
    }
  | {
      readonly kind: "s16le";
      readonly slot: number;
      readonly dimension: number;
      readonly values: Int16Array;
    };

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Encodes whole frames; PARTIAL_FRAME when the values are not a whole number of frames. */
export function encodeBinaryFrames(input: BinaryFramesInput): Uint8Array {
  const { kind, slot, dimension, values } = input;
  checkHeaderField("slot", slot, 0xffff);
  checkHeaderField("dimension", dimension, 0xffff);
  if (dimension === 0 || values.length % dimension !== 0) {
    throw new EmotionStreamError(
      "PARTIAL_FRAME",
      `${values.length} values are not whole frames of ${dimension}`,
      {
        field: "values",
        expected: `a multiple of ${dimension}`,
        received: values.length,
      },
    );
  }
  const bytes = new Uint8Array(BINARY_HEADER_BYTES + values.byteLength);
  const view = new DataView(bytes.buffer);
  bytes[0] = BINARY_FRAME_MAGIC[0];
  bytes[1] = BINARY_FRAME_MAGIC[1];
  bytes[2] = BINARY_FRAME_VERSION;
  bytes[3] = BINARY_PAYLOAD_KINDS.indexOf(kind);
  view.setUint16(4, slot, true);
  view.setUint16(6, dimension, true);
  view.setUint32(8, values.length / dimension, true);
  if (kind === "s16le") {
    for (let i = 0; i < values.length; i++)
      view.setInt16(BINARY_HEADER_BYTES + 2 * i, values[i] ?? 0, true);
  } else {
    for (let i = 0; i < values.length; i++)
      view.setFloat32(BINARY_HEADER_BYTES + 4 * i, values[i] ?? 0, true);
  }
  return bytes;
}

/**
 * Decodes and checks one binary message: BAD_BINARY_FRAME (short, magic, kind, zero dimension),
 * UNSUPPORTED_FORMAT_VERSION, PARTIAL_FRAME (payload not exactly the stated frames),
 * NON_FINITE_VALUE (a NaN or infinite float). The values may share memory with `bytes`.
 */
export function decodeBinaryFrames(bytes: Uint8Array): BinaryFrames {
  const header = decodeHeader(bytes);
  const bytesPerValue = header.kind === "s16le" ? 2 : 4;
  const valueCount = header.frameCount * header.dimension;
  const payloadBytes = bytes.byteLength - BINARY_HEADER_BYTES;
  if (payloadBytes !== valueCount * bytesPerValue) {
    throw new EmotionStreamError(
      "PARTIAL_FRAME",
      `header states ${header.frameCount} frames of ${header.dimension} values (${valueCount * bytesPerValue} bytes) but the payload has ${payloadBytes} bytes`,
      { field: "payload", expected: valueCount * bytesPerValue, received: payloadBytes },
    );
  }
  if (header.kind === "s16le") {
    return { ...header, kind: header.kind, values: readInt16(bytes, valueCount) };
  }
  const values = readFloat32(bytes, valueCount);
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    throw new EmotionStreamError(
      "NON_FINITE_VALUE",
      `value ${bad} (frame ${Math.floor(bad / header.dimension)}) is ${values[bad]}`,
      {
        field: `frames[${Math.floor(bad / header.dimension)}][${bad % header.dimension}]`,
        value: String(values[bad]),
      },
    );
  }
  return { ...header, kind: header.kind, values };
}

/** The slot a binary message names, if its header is there and has the magic; for error reports. */
export function binaryFrameSlot(bytes: Uint8Array): number | undefined {
  if (
    bytes.byteLength < 6 ||
    bytes[0] !== BINARY_FRAME_MAGIC[0] ||
    bytes[1] !== BINARY_FRAME_MAGIC[1]
  ) {
    return undefined;
  }
  return (bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8);
}

function decodeHeader(bytes: Uint8Array): BinaryFramesHeader & { kind: BinaryPayloadKind } {
  if (bytes.byteLength < BINARY_HEADER_BYTES) {
    throw new EmotionStreamError(
      "BAD_BINARY_FRAME",
      `binary message of ${bytes.byteLength} bytes is shorter than the ${BINARY_HEADER_BYTES}-byte header`,
      {
        field: "header",
        expected: BINARY_HEADER_BYTES,
        received: bytes.byteLength,
      },
    );
  }
  if (bytes[0] !== BINARY_FRAME_MAGIC[0] || bytes[1] !== BINARY_FRAME_MAGIC[1]) {
    throw new EmotionStreamError(
      "BAD_BINARY_FRAME",
      'binary message does not start with the magic "ES"',
      { field: "magic" },
    );
  }
  const version = bytes[2] ?? 0;
  if (version !== BINARY_FRAME_VERSION) {
    throw new EmotionStreamError(
      "UNSUPPORTED_FORMAT_VERSION",
      `binary frame version ${version} is not supported`,
      {
        field: "version",
        expected: BINARY_FRAME_VERSION,
        received: version,
      },
    );
  }
  const kind = BINARY_PAYLOAD_KINDS[bytes[3] ?? -1];
  if (kind === undefined) {
    throw new EmotionStreamError("BAD_BINARY_FRAME", `unknown payload kind ${bytes[3]}`, {
      field: "kind",
      allowed: BINARY_PAYLOAD_KINDS.map((name, index) => `${index} (${name})`),
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, BINARY_HEADER_BYTES);
  const dimension = view.getUint16(6, true);
  if (dimension === 0) {
    throw new EmotionStreamError("BAD_BINARY_FRAME", "a frame must have at least one value", {
      field: "dimension",
      received: 0,
    });
  }
  return { kind, slot: view.getUint16(4, true), dimension, frameCount: view.getUint32(8, true) };
}

function readFloat32(bytes: Uint8Array, count: number): Float32Array {
  const offset = bytes.byteOffset + BINARY_HEADER_BYTES;
  if (IS_LITTLE_ENDIAN) {
    // A WebSocket payload often starts at an odd offset of the socket's read buffer: one memcpy
    // to an aligned copy then, rather than a DataView read per value.
    return offset % 4 === 0
      ? new Float32Array(bytes.buffer, offset, count)
      : new Float32Array(bytes.buffer.slice(offset, offset + count * 4));
  }
  const view = new DataView(bytes.buffer, offset, count * 4);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getFloat32(4 * i, true);
  return values;
}

function readInt16(bytes: Uint8Array, count: number): Int16Array {
  const offset = bytes.byteOffset + BINARY_HEADER_BYTES;
  if (IS_LITTLE_ENDIAN && offset % 2 === 0) return new Int16Array(bytes.buffer, offset, count);
  const view = new DataView(bytes.buffer, offset, count * 2);
  const values = new Int16Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getInt16(2 * i, true);
  return values;
}

/** Index of the first NaN or infinite value, or -1. */
function firstNonFinite(values: Float32Array): number {
  for (let i = 0; i < values.length; i++) {
    // x - x is 0 for finite x and NaN for NaN and +-Infinity: one test instead of two.
    const value = values[i] ?? 0;
    if (value - value !== 0) return i;
  }
  return -1;
}

function checkHeaderField(field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new EmotionStreamError(
      "BAD_BINARY_FRAME",
      `${field} ${value} does not fit the header (0..${max})`,
      {
        field,
        received: value,
      },
    );
  }
}
