// Streaming sample-rate conversion for PCM streams at another rate than the model's features: the
// same libsamplerate converter (sinc, medium quality) that @emotion-stream/features' batch
// `resample` uses by default, through its full API, which keeps the filter state from one chunk to
// the next. Each converter is a WebAssembly instance of its own (about 2.5 MB resident, 26 MB
// reserved) whose memory the runtime does not give back when it is destroyed, so converters are
// pooled: at most `capacity` are ever created, a closed stream's converter is reset for the next,
// and a stream past the capacity is refused. Creating one blocks the main thread for 10-40 ms
// (instantiation, then compiling its functions on their first call): creations run one at a time,
// at least CREATION_INTERVAL_MS apart, each with its first call made at once, so a burst of opens
// (up to `capacity` of them, once in the server's life) is spread out instead of stalling every
// stream for a second. A stream is confirmed (`opened`) once its converter is ready.
import libsamplerate from "@alexanderolsen/libsamplerate-js";
import { EmotionStreamError } from "@emotion-stream/core";

/** The rates a stream may declare; libsamplerate handles any ratio between them. */
export const PCM_RATE_RANGE = { min: 8000, max: 192_000 } as const;

type Converter = Awaited<ReturnType<typeof libsamplerate.create>>;

export interface PcmResampler {
  /** The resampled chunk (a fresh array; it may be empty while the filter fills). */
  push(samples: Float32Array): Float32Array;
  /** Hands the converter back to the pool; the resampler takes no more samples. */
  release(): void;
}

export class ResamplerPool {
  private readonly idle: Converter[] = [];
  /** Converters created or being created. */
  private created = 0;
  /** The creation under way; the next one waits for it. */
  private creating: Promise<unknown> = Promise.resolve();

  constructor(readonly capacity: number) {}

  /** Converters streams hold now. */
  get inUse(): number {
    return this.created - this.idle.length;
  }

  /** A converter from `fromRate` to `toRate`; BAD_SAMPLE_RATE or STREAM_LIMIT naming the stream. */
  async acquire(fromRate: number, toRate: number, streamId: string): Promise<PcmResampler> {
    if (fromRate < PCM_RATE_RANGE.min || fromRate > PCM_RATE_RANGE.max) {
      throw new EmotionStreamError(
        "BAD_SAMPLE_RATE",
        `PCM at ${fromRate} Hz cannot be handled; send ${PCM_RATE_RANGE.min}-${PCM_RATE_RANGE.max} Hz (${toRate} Hz needs no conversion)`,
        { streamId, field: "input.sampleRate", expected: toRate, received: fromRate },
      );
    }
    const converter = this.idle.pop() ?? (await this.create(fromRate, toRate, streamId));
    // The setters re-initialise libsamplerate's state for the new rates; `ratio` is only set by
    // the constructor and sizes the library's chunking, so it is set here too.
    converter.inputSampleRate = fromRate;
    converter.outputSampleRate = toRate;
    converter.ratio = toRate / fromRate;
    let released = false;
    return {
      push: (samples) => converter.full(samples),
      release: () => {
        if (released) return;
        released = true;
        this.idle.push(converter);
      },
    };
  }

  private async create(fromRate: number, toRate: number, streamId: string): Promise<Converter> {
    if (this.created >= this.capacity) {
      throw new EmotionStreamError(
        "STREAM_LIMIT",
        `no more than ${this.capacity} streams needing sample-rate conversion at once; send ${toRate} Hz PCM or features`,
        { streamId, field: "input.sampleRate", expected: this.capacity },
      );
    }
    this.created++;
    // Each step in a task of its own: as a promise continuation it would run inside whatever
    // callback drains the microtask queue next, charged to that connection.
    const created = this.creating.then(nextTask).then(() => createWarmConverter(fromRate, toRate));
    this.creating = created.catch(() => {}).then(() => sleep(CREATION_INTERVAL_MS));
    try {
      return await created;
    } catch (error) {
      this.created--;
      throw error;
    }
  }
}

const CREATION_INTERVAL_MS = 250;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One call over this many samples compiles the converter's functions (its state is reset after). */
const WARM_UP_SAMPLES = 480;

async function createWarmConverter(fromRate: number, toRate: number): Promise<Converter> {
  const converter = await libsamplerate.create(1, fromRate, toRate, {
    converterType: libsamplerate.ConverterType.SRC_SINC_MEDIUM_QUALITY,
  });
  await nextTask();
  converter.full(new Float32Array(WARM_UP_SAMPLES));
  return converter;
}
