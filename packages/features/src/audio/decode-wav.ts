// WAV decoding: the RIFF chunks are read by wav-header.ts (the same reader the block-by-block file
// reader uses, so a whole file and a stream cannot disagree); the sample bytes are converted here,
// straight from a DataView, and scaled exactly as openSMILE's cWaveSource does
// (smilePcm_convertSamples): 16-bit / 32767, 24-bit / (32767 x 256), 32-bit / 2147483647, 8-bit
// (unsigned in WAV) centred and / 127, float32 as is. Every failure names the file.
import { EmotionStreamError } from "@emotion-stream/core";
import { parseWavHeader, type WavFormat } from "./wav-header.js";

export interface DecodedAudio {
  readonly sampleRate: number;
  /** One array per channel, each `frames` long. */
  readonly channels: Float32Array[];
  /**
   * What integer PCM samples were divided by (absent for float files): mixing down, openSMILE adds
   * the channels' integers before scaling, which `mixToMono` repeats from it.
   */
  readonly fullScale?: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

const PCM_FULL_SCALE: Readonly<Record<number, number>> = {
  8: 127,
  16: 32767,
  24: 32767 * 256,
  32: 2147483647,
};

/** Decodes a whole WAV file; `source` (a path or label) goes into every error. */
export function decodeWav(bytes: Uint8Array, source = "<wav bytes>"): DecodedAudio {
  const header = parseWavHeader(bytes, source);
  if ("need" in header) {
    throw new EmotionStreamError("BAD_WAV", "not a readable WAV file: it ends inside its header", {
      file: source,
      expected: header.need,
      received: bytes.length,
    });
  }
  const { format, dataOffset, dataBytes } = header;
  const encoding = sampleEncoding(format, source);
  const samples = bytes.subarray(dataOffset, dataOffset + dataBytes);
  checkDataChunk(samples.length, dataBytes, format, source);
  return {
    sampleRate: format.sampleRate,
    channels: decodeSampleBlock(samples, format, encoding),
    ...fullScaleOf(encoding),
  };
}

/** `{ fullScale }` for integer PCM, nothing for float samples. */
export function fullScaleOf(encoding: SampleEncoding): { fullScale?: number } {
  return encoding.kind === "float" ? {} : { fullScale: pcmFullScale(encoding.bits) };
}

function pcmFullScale(bits: number): number {
  return Math.fround(PCM_FULL_SCALE[bits] ?? 1);
}

export type SampleEncoding = { kind: "float" } | { kind: "pcm"; bits: number };

/** How the samples are stored; UNSUPPORTED_AUDIO for anything but PCM 8-32 bit and float32. */
export function sampleEncoding(format: WavFormat, source: string): SampleEncoding {
  const audioFormat =
    format.audioFormat === WAVE_FORMAT_EXTENSIBLE ? (format.subformat ?? 0) : format.audioFormat;
  if (format.numChannels < 1 || format.sampleRate <= 0 || format.blockAlign < format.numChannels) {
    throw new EmotionStreamError(
      "BAD_WAV",
      "fmt chunk gives no channels, no sample rate or no block size",
      { file: source },
    );
  }
  if (audioFormat === WAVE_FORMAT_IEEE_FLOAT && format.bitsPerSample === 32) {
    return { kind: "float" };
  }
  if (audioFormat === WAVE_FORMAT_PCM && PCM_FULL_SCALE[format.bitsPerSample] !== undefined) {
    return { kind: "pcm", bits: format.bitsPerSample };
  }
  throw new EmotionStreamError(
    "UNSUPPORTED_AUDIO",
    `WAV encoding ${audioFormat} with ${format.bitsPerSample}-bit samples is not supported ` +
      "(PCM 8/16/24/32-bit or float32 only)",
    { file: source, value: format.bitsPerSample },
  );
}

function checkDataChunk(
  present: number,
  declared: number,
  format: WavFormat,
  source: string,
): void {
  if (present < declared || present % format.blockAlign !== 0) {
    throw new EmotionStreamError(
      "BAD_WAV",
      "WAV data chunk is truncated (fewer bytes than its header declares)",
      { file: source, expected: declared, received: present },
    );
  }
}

/** Whole sample frames of `bytes` (interleaved), one array per channel, scaled to [-1, 1]. */
export function decodeSampleBlock(
  bytes: Uint8Array,
  format: WavFormat,
  encoding: SampleEncoding,
): Float32Array[] {
  const channelCount = format.numChannels;
  const bytesPerSample = format.blockAlign / channelCount;
  const frames = Math.floor(bytes.length / format.blockAlign);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, encoding);
  const fullScale = encoding.kind === "float" ? 1 : pcmFullScale(encoding.bits);
  return Array.from({ length: channelCount }, (_, channel) => {
    const out = new Float32Array(frames);
    for (let frame = 0, offset = channel * bytesPerSample; frame < frames; frame += 1) {
      out[frame] = read(offset) / fullScale;
      offset += format.blockAlign;
    }
    return out;
  });
}

/** Reads one little-endian sample at a byte offset, as an integer (PCM) or a float. */
function sampleReader(view: DataView, encoding: SampleEncoding): (offset: number) => number {
  if (encoding.kind === "float") return (offset) => view.getFloat32(offset, true);
  switch (encoding.bits) {
    // WAV stores 8-bit samples unsigned around 128; openSMILE reads them as signed bytes, which
    // garbles them, so we centre them and keep only its / 127 scale.
    case 8:
      return (offset) => view.getUint8(offset) - 128;
    case 16:
      return (offset) => view.getInt16(offset, true);
    case 24:
      return (offset) => (view.getUint16(offset, true) | (view.getInt8(offset + 2) << 16)) >> 0;
    default:
      return (offset) => view.getInt32(offset, true);
  }
}
