// WAV decoding with the wavefile library, scaled to floats exactly as openSMILE's cWaveSource does
// (smilePcm_convertSamples): 16-bit / 32767, 24-bit / (32767 x 256), 32-bit / 2147483647, 8-bit
// (unsigned in WAV) centred and / 127, float32 as is. Every failure names the file.
import { EmotionStreamError } from "@emotion-stream/core";
import wavefile from "wavefile";

export interface DecodedAudio {
  readonly sampleRate: number;
  /** One array per channel, each `frames` long. */
  readonly channels: Float32Array[];
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

interface WavFormat {
  readonly audioFormat: number;
  readonly numChannels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly blockAlign: number;
}

/** Decodes a whole WAV file; `source` (a path or label) goes into every error. */
export function decodeWav(bytes: Uint8Array, source = "<wav bytes>"): DecodedAudio {
  const wav = parseWav(bytes, source);
  const format = wav.fmt as WavFormat;
  const encoding = sampleEncoding(format, wav, source);
  checkDataChunk(wav.data as { chunkSize: number; samples: Uint8Array }, format, source);
  const raw = wav.getSamples(false, Float64Array) as unknown as Float64Array | Float64Array[];
  const channels = (Array.isArray(raw) ? raw : [raw]).map((channel) =>
    toFloatSamples(channel, encoding),
  );
  return { sampleRate: format.sampleRate, channels };
}

type SampleEncoding = { kind: "float" } | { kind: "pcm"; bits: number };

function parseWav(bytes: Uint8Array, source: string): InstanceType<typeof wavefile.WaveFile> {
  const wav = new wavefile.WaveFile();
  try {
    wav.fromBuffer(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmotionStreamError("BAD_WAV", `not a readable WAV file: ${reason}`, {
      file: source,
    });
  }
  return wav;
}

function sampleEncoding(
  format: WavFormat,
  wav: InstanceType<typeof wavefile.WaveFile>,
  source: string,
): SampleEncoding {
  const audioFormat =
    format.audioFormat === WAVE_FORMAT_EXTENSIBLE ? extensibleFormat(wav) : format.audioFormat;
  if (format.numChannels < 1 || format.sampleRate <= 0) {
    throw new EmotionStreamError("BAD_WAV", "fmt chunk gives no channels or no sample rate", {
      file: source,
    });
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

/** The format code inside WAVE_FORMAT_EXTENSIBLE's sub-format GUID (its first two bytes). */
function extensibleFormat(wav: InstanceType<typeof wavefile.WaveFile>): number {
  const subformat = (wav.fmt as { subformat: number[] }).subformat;
  return (subformat[0] ?? 0) & 0xffff;
}

function checkDataChunk(
  data: { chunkSize: number; samples: Uint8Array },
  format: WavFormat,
  source: string,
): void {
  const present = data.samples.length;
  if (present < data.chunkSize || present % format.blockAlign !== 0) {
    throw new EmotionStreamError(
      "BAD_WAV",
      "WAV data chunk is truncated (fewer bytes than its header declares)",
      { file: source, expected: data.chunkSize, received: present },
    );
  }
}

function toFloatSamples(channel: Float64Array, encoding: SampleEncoding): Float32Array {
  const out = new Float32Array(channel.length);
  if (encoding.kind === "float") {
    out.set(channel);
    return out;
  }
  // WAV stores 8-bit samples unsigned around 128; openSMILE reads them as signed bytes, which
  // garbles them, so we centre them first and keep only its / 127 scale.
  const offset = encoding.bits === 8 ? 128 : 0;
  const fullScale = Math.fround(PCM_FULL_SCALE[encoding.bits] ?? 1);
  for (let i = 0; i < channel.length; i += 1) {
    out[i] = Math.fround((channel[i] ?? 0) - offset) / fullScale;
  }
  return out;
}
