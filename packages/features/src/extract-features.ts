// Public entry points: batch extraction and the streaming extractor, by set name or set object.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "./feature-matrix.js";
import type { FeatureSet } from "./feature-set.js";
import type { FunctionalsWindow } from "./functionals-window.js";
import { getFeatureSet } from "./sets/registry.js";
import { extractAll, type StreamingExtractor } from "./streaming-extractor.js";

export function resolveFeatureSet(set: string | FeatureSet): FeatureSet {
  return typeof set === "string" ? getFeatureSet(set) : set;
}

/** Features of mono samples (in [-1, 1]) at `sampleRate`, exactly as openSMILE computes them. */
export function extractFeatures(
  set: string | FeatureSet,
  samples: Float32Array,
  sampleRate: number,
): FeatureMatrix {
  const featureSet = resolveFeatureSetAt(set, sampleRate);
  return extractAll(featureSet.createExtractor(sampleRate, samples.length), samples);
}

/**
 * An extractor fed chunks of any size that emits exactly the frames of batch extraction; for a
 * functionals set with a `window`, one row per window of a live stream instead of one at the end.
 */
export function createStreamingExtractor(
  set: string | FeatureSet,
  sampleRate: number,
  window?: FunctionalsWindow,
): StreamingExtractor {
  const featureSet = resolveFeatureSetAt(set, sampleRate);
  if (window === undefined) return featureSet.createExtractor(sampleRate);
  if (featureSet.createWindowedExtractor === undefined) {
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      `feature set ${featureSet.name} has frame-level rows; a functionals window applies to functionals sets`,
      { value: featureSet.name },
    );
  }
  return featureSet.createWindowedExtractor(sampleRate, window);
}

/** The set, checked to accept audio at `sampleRate`. */
function resolveFeatureSetAt(set: string | FeatureSet, sampleRate: number): FeatureSet {
  if (!Number.isFinite(sampleRate) || sampleRate <= 0) {
    throw new EmotionStreamError("BAD_SAMPLE_RATE", `sample rate must be positive`, {
      value: sampleRate,
    });
  }
  const featureSet = resolveFeatureSet(set);
  if (featureSet.fixedSampleRate !== undefined && featureSet.fixedSampleRate !== sampleRate) {
    throw new EmotionStreamError(
      "BAD_SAMPLE_RATE",
      `feature set ${featureSet.name} needs audio at its own rate; resample first`,
      { expected: featureSet.fixedSampleRate, received: sampleRate },
    );
  }
  return featureSet;
}
