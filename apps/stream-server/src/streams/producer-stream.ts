// One producer stream: what it declared, its bounded frame ring, the real-time guard, and the
// posteriors of its windows for the utterance summary. Raw PCM becomes frames here through the
// same streaming extractor that computed the training features.
import {
  EmotionStreamError,
  QUADRANT_CLASSES,
  type StreamInfo,
  type StreamInput,
  type SummaryMessage,
  valenceArousalOf,
  WindowPosteriorAccumulator,
} from "@emotion-stream/core";
import { createStreamingExtractor, type StreamingExtractor } from "@emotion-stream/features";
import type { ServedModel } from "../models/served-model.js";
import { FrameRing, type WindowSink } from "./frame-window.js";
import { RealTimeGuard } from "./real-time-guard.js";
import type { PcmResampler, ResamplerPool } from "./resampler-pool.js";

export interface ProducerStreamOptions {
  readonly id: string;
  readonly slot: number;
  readonly input: StreamInput;
  /** The spoken language the producer declared, if any. */
  readonly language?: string | undefined;
  readonly model: ServedModel;
  readonly realTimeFactor: number;
  /** Where a stream at another rate than the model's gets its converter. */
  readonly resamplers: ResamplerPool;
  /** performance.now() at open. */
  readonly now: number;
}

const S16_SCALE = 1 / 32768;

export class ProducerStream {
  readonly id: string;
  readonly slot: number;
  readonly input: StreamInput;
  readonly language: string | undefined;
  readonly startedAt = Date.now();
  readonly ring: FrameRing;
  /** The version new windows run on; moves to a compatible reloaded version. */
  model: ServedModel;
  /** Windows queued or running whose predictions are not sent yet. */
  inFlight = 0;
  /** The producer declared the end; the summary goes out once `inFlight` reaches 0. */
  ending = false;
  /** performance.now() of the last OVERLOADED report to the producer. */
  overloadReportedAt = Number.NEGATIVE_INFINITY;
  private readonly guard: RealTimeGuard;
  private readonly extractor: StreamingExtractor | undefined;
  /** For PCM at another rate than the model's; set by prepare(). */
  private resampler: PcmResampler | undefined;
  private readonly resamplers: ResamplerPool;
  private ready: boolean;
  /** Ended or dropped; set by close(). */
  closed = false;
  private samplesSeen = 0;
  private pcmScratch = new Float32Array(0);
  /**
   * The windows' posteriors (canonical order) pooled as they arrive: a stream that runs for hours
   * holds O(classes) for its summary, not every window.
   */
  private readonly posteriors = new WindowPosteriorAccumulator(QUADRANT_CLASSES.length);

  constructor(options: ProducerStreamOptions) {
    this.id = options.id;
    this.slot = options.slot;
    this.input = options.input;
    this.language = options.language;
    this.model = options.model;
    this.resamplers = options.resamplers;
    this.ring = new FrameRing(options.model.geometry);
    const { rows } = options.model;
    const allowance = Math.max(
      options.model.geometry.windowFrames * rows.stepSeconds,
      rows.spanSeconds,
    );
    this.guard = new RealTimeGuard(options.realTimeFactor, allowance, options.now);
    this.extractor = options.input.kind === "pcm" ? this.createExtractor() : undefined;
    this.ready = !this.needsResampler;
  }

  get info(): StreamInfo {
    return {
      streamId: this.id,
      model: this.model.id,
      input: this.input,
      ...(this.language === undefined ? {} : { language: this.language }),
      startedAt: this.startedAt,
    };
  }

  /** Seconds of stream time received so far. */
  get streamSeconds(): number {
    return this.input.kind === "pcm"
      ? this.samplesSeen / this.input.sampleRate
      : this.ring.framesSeen * this.model.rows.stepSeconds;
  }

  /** Whole feature frames of the model's dimension (checked by the caller). */
  pushFrames(values: Float32Array, now: number, sink: WindowSink): number {
    const frames = values.length / this.model.geometry.dimension;
    this.admit(frames * this.model.rows.stepSeconds, now);
    this.ring.append(values, sink);
    return frames;
  }

  /** Whether PCM arrives at another rate than the model's features are computed at. */
  get needsResampler(): boolean {
    return this.input.kind === "pcm" && this.input.sampleRate !== this.model.featureSet.sampleRate;
  }

  /** Sets up what the stream needs before its first samples (a resampler); BAD_SAMPLE_RATE if it cannot. */
  async prepare(): Promise<void> {
    if (this.ready || this.input.kind !== "pcm") return;
    const resampler = await this.resamplers.acquire(
      this.input.sampleRate,
      this.model.featureSet.sampleRate,
      this.id,
    );
    if (this.closed) {
      resampler.release();
      return;
    }
    this.resampler = resampler;
    this.ready = true;
  }

  /** Mono samples, float in [-1, 1] or s16; returns the frames they completed. */
  pushSamples(samples: Float32Array | Int16Array, now: number, sink: WindowSink): number {
    if (this.extractor === undefined || this.input.kind !== "pcm") {
      throw new EmotionStreamError("INTERNAL_ERROR", "samples sent to a feature stream", {
        streamId: this.id,
      });
    }
    if (!this.ready) {
      throw new EmotionStreamError(
        "NOT_READY",
        `stream ${this.id} is not ready; send samples after "opened"`,
        {
          streamId: this.id,
        },
      );
    }
    this.admit(samples.length / this.input.sampleRate, now);
    this.samplesSeen += samples.length;
    const floats = samples instanceof Int16Array ? this.toFloat(samples) : samples;
    const matrix = this.extractor.push(
      this.resampler === undefined ? floats : this.resampler.push(floats),
    );
    this.ring.append(matrix.data, sink);
    return matrix.frames;
  }

  /** Hands the resampler back to its pool; the stream takes no more samples. */
  close(): void {
    this.closed = true;
    this.ready = false;
    this.resampler?.release();
    this.resampler = undefined;
  }

  /** At a declared end: the frames the extractor held back for its lookahead. */
  flushInput(sink: WindowSink): number {
    if (this.extractor === undefined) return 0;
    const matrix = this.extractor.end();
    this.ring.append(matrix.data, sink);
    return matrix.frames;
  }

  /** Stream seconds from the first frame's start to window `index`'s start and last frame's end. */
  windowTimes(index: number): { start: number; end: number } {
    const { windowFrames, hopFrames } = this.model.geometry;
    const { stepSeconds, spanSeconds } = this.model.rows;
    const first = index * hopFrames;
    return {
      start: first * stepSeconds,
      end: (first + windowFrames - 1) * stepSeconds + spanSeconds,
    };
  }

  recordPosterior(probabilities: Float32Array): void {
    this.posteriors.add(probabilities);
  }

  summary(): SummaryMessage {
    const base = {
      type: "summary" as const,
      streamId: this.id,
      model: this.model.id,
      windows: this.posteriors.windows,
      frames: this.ring.framesSeen,
      durationSeconds: this.streamSeconds,
    };
    if (this.posteriors.windows === 0) {
      return { ...base, probabilities: null, top: null, valence: null, arousal: null };
    }
    const { posterior, classIndex } = this.posteriors.decide(this.model.card.aggregation);
    const probabilities = Array.from(posterior);
    return {
      ...base,
      probabilities,
      top: QUADRANT_CLASSES[classIndex] ?? null,
      ...valenceArousalOf(probabilities),
    };
  }

  private admit(seconds: number, now: number): void {
    const after = this.streamSeconds + seconds;
    if (!this.guard.admits(after, now)) {
      throw new EmotionStreamError(
        "FASTER_THAN_REAL_TIME",
        `stream time ${after.toFixed(2)} s exceeds the ${this.guard.allowedSeconds(now).toFixed(2)} s allowed so far`,
        { streamId: this.id, expected: this.guard.allowedSeconds(now), received: after },
      );
    }
  }

  private toFloat(samples: Int16Array): Float32Array {
    if (this.pcmScratch.length < samples.length) this.pcmScratch = new Float32Array(samples.length);
    const out = this.pcmScratch.subarray(0, samples.length);
    for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) * S16_SCALE;
    return out;
  }

  private createExtractor(): StreamingExtractor {
    const { featureSet, pcmRefusal } = this.model;
    if (pcmRefusal !== undefined) {
      throw new EmotionStreamError(
        "FEATURE_SPEC_MISMATCH",
        `model ${this.model.id} was trained on features this server's extractor does not compute (${pcmRefusal}); send feature frames`,
        { streamId: this.id, field: "input.kind" },
      );
    }
    return createStreamingExtractor(
      featureSet.name,
      featureSet.sampleRate,
      this.model.rows.functionalsWindow,
    );
  }
}
