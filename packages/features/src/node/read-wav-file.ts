// WAV files from disk, with file-naming errors for missing or unreadable paths.
import { readFile } from "node:fs/promises";
import { EmotionStreamError } from "@emotion-stream/core";
import { type DecodedAudio, decodeWav } from "../audio/decode-wav.js";

export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw fileReadError(path, error as NodeJS.ErrnoException);
  }
}

/** FILE_NOT_FOUND for a missing path, BAD_FILE (with the system's code) for any other failure. */
export function fileReadError(path: string, error: NodeJS.ErrnoException): EmotionStreamError {
  if (error.code === "ENOENT") {
    return new EmotionStreamError("FILE_NOT_FOUND", "no such file", { file: path });
  }
  return new EmotionStreamError("BAD_FILE", `cannot read file (${error.code ?? "unknown error"})`, {
    file: path,
  });
}

export async function readWavFile(path: string): Promise<DecodedAudio> {
  return decodeWav(await readFileBytes(path), path);
}
