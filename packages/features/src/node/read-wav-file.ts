// WAV files from disk, with file-naming errors for missing or unreadable paths.
import { readFile } from "node:fs/promises";
import { EmotionStreamError } from "@emotion-stream/core";
import { type DecodedAudio, decodeWav } from "../audio/decode-wav.js";

export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new EmotionStreamError("FILE_NOT_FOUND", "no such file", { file: path });
    }
    throw new EmotionStreamError("BAD_FILE", `cannot read file (${code ?? "unknown error"})`, {
      file: path,
    });
  }
}

export async function readWavFile(path: string): Promise<DecodedAudio> {
  return decodeWav(await readFileBytes(path), path);
}
