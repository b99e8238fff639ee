// Browser-safe entry: feature sets, batch and streaming extraction, WAV decoding, resampling, and
// the building blocks (stages, DSP) other feature sets are made of. Node-only file I/O lives in
// `@emotion-stream/features/node`.
export { FEATURE_SET_NAMES, type FeatureSetName, type FeatureSetSpec } from "@emotion-stream/core";
export { type DecodedAudio, decodeWav } from "./audio/decode-wav.js";
export { encodeWavPcm16 } from "./audio/encode-wav.js";
export { mixToMono } from "./audio/mix-to-mono.js";
export { type ResampleQuality, resample } from "./audio/resample.js";
export { type ContextualStage, ContextualStageRunner } from "./contextual-stage.js";
export { type ContourSmootherOptions, createContourSmootherStage } from "./contour-smoother.js";
export { createDeltaRegressionStage, type DeltaRegressionOptions } from "./delta-regression.js";
export {
  createStreamingExtractor,
  extractFeatures,
  resolveFeatureSet,
} from "./extract-features.js";
export {
  concatFeatureMatrices,
  emptyFeatureMatrix,
  type FeatureMatrix,
  featureRow,
} from "./feature-matrix.js";
export {
  type FeaturePipeline,
  type FeatureSet,
  type FrameProcessor,
  pipelineDimension,
} from "./feature-set.js";
export { staticDimension } from "./feature-structure.js";
export {
  type FrameGeometry,
  frameGeometry,
  roundHalfAwayFromZero,
  wholeFrameCount,
} from "./framing.js";
export {
  applyFunctionals,
  type FunctionalComponent,
  type FunctionalsSpec,
  functionalColumns,
} from "./functionals/functionals.js";
export {
  checkFunctionalsWindow,
  type FunctionalsWindow,
  MIN_FUNCTIONALS_WINDOW_FRAMES,
} from "./functionals-window.js";
export { MagnitudeSpectrum, nextPowerOfTwo } from "./magnitude-spectrum.js";
export {
  hzToMel,
  MelFilterbank,
  type MelFilterbankOptions,
  openSmileBinSpacing,
} from "./mel-filterbank.js";
export { Mfcc, type MfccOptions } from "./mfcc.js";
export { availableFeatureSets, getFeatureSet } from "./sets/registry.js";
export { CANONICAL_SAMPLE_RATE } from "./sets/spec-at-every-rate.js";
export { SpectralFrontEnd, type SpectralFrontEndOptions } from "./spectral-front-end.js";
export type { StreamingExtractor } from "./streaming-extractor.js";
export { hammingWindow } from "./window-function.js";
