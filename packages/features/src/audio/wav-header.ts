// The RIFF/WAVE chunks before the samples: the fmt chunk and where the data chunk's bytes start, read
// from the first bytes of a file so that its samples can then be read block by block (a file
// larger than memory is never loaded whole). Chunks other than fmt and data are skipped, each
// padded to an even size as RIFF requires. Every failure names the file.
import { EmotionStreamError } from "@emotion-stream/core";

export interface WavFormat {
  readonly audioFormat: number;
  readonly numChannels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly blockAlign: number;
  /** WAVE_FORMAT_EXTENSIBLE's sub-format code (the GUID's first two bytes), when present. */
  readonly subformat?: number;
}

export interface WavHeader {
  readonly format: WavFormat;
  /** Byte offset of the first sample. */
  readonly dataOffset: number;
  /** Bytes of samples the data chunk declares. */
  readonly dataBytes: number;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/**
 * The header, or the number of bytes needed to read it when `bytes` (the start of the file) is too
 * short; BAD_WAV when it is not a WAVE file or has no fmt chunk before its data.
 */
export function parseWavHeader(bytes: Uint8Array, source: string): WavHeader | { need: number } {
  if (bytes.length < RIFF_HEADER_BYTES) return { need: RIFF_HEADER_BYTES };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (fourCc(view, 0) !== "RIFF" || fourCc(view, 8) !== "WAVE") {
    throw new EmotionStreamError("BAD_WAV", "not a RIFF/WAVE file", { file: source });
  }
  let format: WavFormat | undefined;
  let offset = RIFF_HEADER_BYTES;
  for (;;) {
    if (bytes.length < offset + CHUNK_HEADER_BYTES) return { need: offset + CHUNK_HEADER_BYTES };
    const id = fourCc(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + CHUNK_HEADER_BYTES;
    if (id === "data") {
      if (format === undefined) {
        throw new EmotionStreamError("BAD_WAV", "the data chunk comes before any fmt chunk", {
          file: source,
        });
      }
      return { format, dataOffset: body, dataBytes: size };
    }
    if (id === "fmt ") {
      if (bytes.length < body + Math.min(size, 26)) return { need: body + Math.min(size, 26) };
      format = parseFmt(view, body, size, source);
    }
    offset = body + size + (size % 2);
  }
}

function parseFmt(view: DataView, body: number, size: number, source: string): WavFormat {
  if (size < 16) {
    throw new EmotionStreamError("BAD_WAV", `fmt chunk of ${size} bytes is too short`, {
      file: source,
    });
  }
  const audioFormat = view.getUint16(body, true);
  const format: WavFormat = {
    audioFormat,
    numChannels: view.getUint16(body + 2, true),
    sampleRate: view.getUint32(body + 4, true),
    blockAlign: view.getUint16(body + 12, true),
    bitsPerSample: view.getUint16(body + 14, true),
  };
  // WAVE_FORMAT_EXTENSIBLE: cbSize (2), valid bits (2), channel mask (4), then the sub-format GUID.
  if (audioFormat === 0xfffe && size >= 26) {
    return { ...format, subformat: view.getUint16(body + 24, true) };
  }
  return format;
}

function fourCc(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}
