// What a model preset is: a network builder plus the recipe it is trained with and the input it
// expects. One file per preset under presets/, looked up by name in presets/registry.ts.
import type { FeatureSetName, WindowRule } from "@emotion-stream/core";
import type * as tf from "@tensorflow/tfjs";
import type { SilenceTrim } from "../dataset/silence-trim.js";

export interface ModelInputShape {
  /** Frames per input window. */
  readonly frames: number;
  /** Feature values per frame (13 for mfcc0_12, 39 with deltas and accelerations). */
  readonly dimension: number;
  readonly classes: number;
}

/** SpecAugment-style masking applied to training windows only (values are z-normalised, so 0 = mean). */
export interface MaskingAugmentation {
  readonly timeMasks: number;
  readonly maxTimeMaskFrames: number;
  readonly frequencyMasks: number;
  /** Widest band of coefficients masked; the same band is masked in every delta group. */
  readonly maxFrequencyMaskBins: number;
}

export interface TrainingRecipe {
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  /**
   * How the class imbalance is countered: `none` (the study), `loss-weights` (inverse class
   * frequency) or `sampling` (every batch drawn class-balanced).
   */
  readonly classBalance: "none" | "loss-weights" | "sampling";
  readonly augmentation: MaskingAugmentation | null;
  /**
   * L2 penalty on kernels (not biases or batch-norm parameters), added to their gradients as
   * `weightDecay * w`, i.e. the loss gains `weightDecay / 2 * sum(w^2)`; 0 = none.
   */
  readonly weightDecay: number;
  /** Stop after this many epochs without a better validation UAR and keep the best weights; null = run all epochs and keep the last. */
  readonly earlyStoppingPatience: number | null;
}

export interface ModelPreset {
  readonly name: string;
  readonly description: string;
  readonly featureSet: FeatureSetName;
  /**
   * How windows are cut (core's window rule): `study-average`, one window per utterance from its
   * first frame, as long as the mean training utterance; `fixed`, windows of `windowFrames` every
   * `hopFrames` frames, pooled per utterance at evaluation.
   */
  readonly window: WindowRule;
  /** Leading/trailing silence cut before windowing (`energy`), or every frame kept (`none`). */
  readonly trimSilence: SilenceTrim;
  /** Per-frame L2 scaling (the study's) or z-normalisation with training-set statistics. */
  readonly normalisation: "l2-frame" | "global" | "corpus" | "speaker";
  /**
   * A language-aware model: each frame is followed by one column per training language (`value`
   * in the utterance's language's; core's `languageColumns`), and multi-lingual training draws the
   * languages in tempered shares (`--language-batches`).
   */
  readonly languageInput?: { readonly value: number };
  readonly recipe: TrainingRecipe;
  /** Builds the untrained network; weights come from Math.random, which the trainer seeds. */
  build(shape: ModelInputShape): tf.LayersModel;
}

/** 3 s of 10-ms frames, about the study's average utterance. */
const STUDY_NOMINAL_WINDOW_FRAMES = 300;

/**
 * The window a preset's network is built for before any utterance is seen (the adaptability check,
 * export checks, benchmarks): a fixed rule's own, the study's rule a nominal 300 frames.
 */
export function nominalWindowFrames(preset: ModelPreset): number {
  return preset.window.kind === "fixed" ? preset.window.windowFrames : STUDY_NOMINAL_WINDOW_FRAMES;
}
