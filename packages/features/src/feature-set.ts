// What a feature set is: a typed spec plus a factory for its streaming extractor at a sample rate;
// batch extraction feeds that same extractor once, so batch and streaming cannot disagree. Most
// sets are one pipeline: a per-frame processor (one frame of samples in, one row out) followed by a
// chain of contextual stages that look at neighbouring rows (deltas, smoothing). A set whose levels
// run at several frame sizes (eGeMAPS) brings its own extractor.
import type { FeatureSetName, FeatureSetSpec } from "@emotion-stream/core";
import type { ContextualStage } from "./contextual-stage.js";
import type { FrameGeometry } from "./framing.js";
import type { FunctionalsWindow } from "./functionals-window.js";
import type { StreamingExtractor } from "./streaming-extractor.js";

/** Turns the samples of one frame into one row of values; allocation-free after construction. */
export interface FrameProcessor {
  readonly dimension: number;
  /**
   * The frame is `frameSize` samples of `samples` from `start` (read in place, not copied); writes
   * `dimension` values to `out` from `outOffset`.
   */
  process(samples: Float32Array, start: number, out: Float32Array, outOffset: number): void;
  /**
   * Columns that openSMILE computes on a shorter frame than the row's (GeMAPS's 20 ms formants
   * beside IS09's 25 ms LLDs). Their level can hold one frame more, the one whose short frame still
   * fits in the input after the last whole long frame; the first contextual stage reads that frame
   * past the end of the other columns (see ContextualStageRunner.end). The short frame must be
   * less than one frame step shorter, so that at most one such frame exists.
   */
  readonly shortFrameColumns?: ShortFrameColumns;
}

export interface ShortFrameColumns {
  /** Samples of the short frame, which starts where the row's frame starts. */
  readonly frameSize: number;
  readonly firstColumn: number;
  readonly columnCount: number;
  /** Writes the columns' values for the short frame at `start` to `out` from `firstColumn`. */
  process(samples: Float32Array, start: number, out: Float32Array): void;
}

export interface FeaturePipeline extends FrameGeometry {
  readonly frameProcessor: FrameProcessor;
  /** Applied in order to the frame processor's rows. */
  readonly contextualStages: readonly ContextualStage[];
  /** Values per output row: the last stage's output dimension, or the frame processor's. */
  readonly dimension: number;
}

export interface FeatureSet {
  readonly name: FeatureSetName;
  /**
   * Audio is resampled to this rate before extraction when set; openSMILE's own configs have
   * none: they process a file at its own rate.
   */
  readonly fixedSampleRate?: number;
  /** A functionals-level set: the frame-level set whose LLDs its functionals summarise. */
  readonly lldSet?: FeatureSetName;
  /** The spec at the canonical 16 kHz rate (the rate of the corpora and of the model cards). */
  readonly spec: FeatureSetSpec;
  specFor(sampleRate: number): FeatureSetSpec;
  /**
   * A new extractor at `sampleRate`; `expectedSamples` (batch extraction) lets it size its output
   * once.
   */
  createExtractor(sampleRate: number, expectedSamples?: number): StreamingExtractor;
  /**
   * A functionals set on a live stream: one row every `window.hopFrames` LLD frames, the
   * functionals of the last `window.frames` (and the whole input's at the end when it was shorter
   * than one window).
   */
  createWindowedExtractor?(sampleRate: number, window: FunctionalsWindow): StreamingExtractor;
}

/** A set that is one frame-level pipeline. */
export interface PipelineFeatureSet extends FeatureSet {
  createPipeline(sampleRate: number): FeaturePipeline;
}

/** Output dimension of a frame processor followed by a chain of stages. */
export function pipelineDimension(
  frameProcessor: FrameProcessor,
  contextualStages: readonly ContextualStage[],
): number {
  return contextualStages.at(-1)?.outputDimension ?? frameProcessor.dimension;
}
