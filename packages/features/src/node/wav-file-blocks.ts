// A WAV file on disk read block by block: the header first (as much of the file's start as it
// needs), then whole sample frames, decoded and mixed to mono as openSMILE does, so that a file of
// any length is read in the memory of one block.
import { type FileHandle, open } from "node:fs/promises";
import { EmotionStreamError } from "@emotion-stream/core";
import { decodeSampleBlock, fullScaleOf, sampleEncoding } from "../audio/decode-wav.js";
import { mixToMono } from "../audio/mix-to-mono.js";
import { parseWavHeader, type WavHeader } from "../audio/wav-header.js";
import { fileReadError } from "./read-wav-file.js";

export interface WavFileBlocks {
  readonly sampleRate: number;
  /** Mono samples, `blockFrames` at a time (the last block shorter); the file closes after. */
  readonly blocks: AsyncIterable<Float32Array>;
  /** Closes the file without reading its samples. */
  close(): Promise<void>;
}

const HEADER_READ_BYTES = 4096;

export async function openWavFileBlocks(
  path: string,
  blockFrames = 65_536,
): Promise<WavFileBlocks> {
  const file = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw fileReadError(path, error);
  });
  try {
    const header = await readHeader(file, path);
    const encoding = sampleEncoding(header.format, path);
    // A truncated file is refused before its first block, so no partial output is ever written.
    const { size } = await file.stat();
    const present = Math.max(0, size - header.dataOffset);
    if (present < header.dataBytes || header.dataBytes % header.format.blockAlign !== 0) {
      throw new EmotionStreamError(
        "BAD_WAV",
        "WAV data chunk is truncated (fewer bytes than its header declares)",
        { file: path, expected: header.dataBytes, received: present },
      );
    }
    return {
      sampleRate: header.format.sampleRate,
      blocks: readBlocks(file, header, encoding, blockFrames, path),
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function readHeader(file: FileHandle, path: string): Promise<WavHeader> {
  let bytes = new Uint8Array(0);
  for (;;) {
    const header = parseWavHeader(bytes, path);
    if (!("need" in header)) return header;
    const wanted = Math.max(header.need, bytes.length + HEADER_READ_BYTES);
    const more = new Uint8Array(wanted);
    more.set(bytes);
    const { bytesRead } = await file.read(more, bytes.length, wanted - bytes.length, bytes.length);
    if (bytes.length + bytesRead < header.need) {
      throw new EmotionStreamError(
        "BAD_WAV",
        "not a readable WAV file: it ends inside its header",
        {
          file: path,
        },
      );
    }
    bytes = more.subarray(0, bytes.length + bytesRead);
  }
}

async function* readBlocks(
  file: FileHandle,
  header: WavHeader,
  encoding: ReturnType<typeof sampleEncoding>,
  blockFrames: number,
  path: string,
): AsyncGenerator<Float32Array> {
  const { format, dataOffset, dataBytes } = header;
  const buffer = new Uint8Array(blockFrames * format.blockAlign);
  try {
    let position = 0;
    while (position < dataBytes) {
      const wanted = Math.min(buffer.length, dataBytes - position);
      const { bytesRead } = await file.read(buffer, 0, wanted, dataOffset + position);
      if (bytesRead < wanted || bytesRead % format.blockAlign !== 0) {
        throw new EmotionStreamError(
          "BAD_WAV",
          "WAV data chunk is truncated (fewer bytes than its header declares)",
          { file: path, expected: dataBytes, received: position + bytesRead },
        );
      }
      position += bytesRead;
      const channels = decodeSampleBlock(buffer.subarray(0, bytesRead), format, encoding);
      yield mixToMono({ sampleRate: format.sampleRate, channels, ...fullScaleOf(encoding) });
    }
  } finally {
    await file.close();
  }
}
