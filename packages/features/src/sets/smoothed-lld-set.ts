// IS09's treatment of frame-level descriptors, shared by the sets built on it: 25 ms frames every
// 10 ms (the framer's rounding), each LLD smoothed over 3 frames (cContourSmoother), then its delta
// (cDeltaRegression, deltawin 2). The output shows the smoothed LLDs, then their deltas, under
// openSMILE's names `<lld>_sma` and `<lld>_sma_de`. The smoother's level gets one row past the last
// frame at end of input (openSMILE's post-EOI processing), so these sets have one row more than
// MFCC0_12 for the same audio, with the last frame's time repeated.
import type { FeatureSetName, FeatureSetSpec } from "@emotion-stream/core";
import { createContourSmootherStage } from "../contour-smoother.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import {
  type FeaturePipeline,
  type FrameProcessor,
  type PipelineFeatureSet,
  pipelineDimension,
} from "../feature-set.js";
import { frameGeometry } from "../framing.js";
import { IS09_FRAME_SIZE_SECONDS, IS09_PREEMPHASIS } from "../is09-prosody.js";
import { createPipelineStreamingExtractor } from "../streaming-extractor.js";
import { specAtEveryRate } from "./spec-at-every-rate.js";

export const IS09_FRAME_STEP_SECONDS = 0.01;
export const IS09_SMA_WIN = 3;
export const IS09_DELTA_WIN = 2;

/** IS09_emotion.conf's input, framer, pre-emphasis and window, which every set built on it shares. */
export const IS09_FRONT_END_PARAMS: FeatureSetSpec["params"] = {
  "waveIn.monoMixdown": 1,
  "is09_fr1.frameSize": IS09_FRAME_SIZE_SECONDS,
  "is09_fr1.frameStep": IS09_FRAME_STEP_SECONDS,
  "is09_fr1.frameMode": "fixed",
  "is09_fr1.frameCenterSpecial": "left",
  "is09_fr1.noPostEOIprocessing": 1,
  "is09_pe2.k": IS09_PREEMPHASIS,
  "is09_pe2.de": 0,
  "is09_w1.winFunc": "ham",
  "is09_w1.gain": 1,
  "is09_w1.offset": 0,
};

export interface SmoothedLldSetOptions {
  readonly name: FeatureSetName;
  /** The LLDs' openSMILE names before smoothing, in column order. */
  readonly lldNames: readonly string[];
  /** Every option under its openSMILE `<section>.<option>` name (framing, LLDs, smoothing, deltas). */
  readonly params: FeatureSetSpec["params"];
  /** The unsmoothed LLDs of one 25 ms frame (`frameSize` samples at `sampleRate`). */
  createFrameProcessor(frameSize: number, sampleRate: number): FrameProcessor;
}

/** openSMILE appends a suffix before an element index: `pcm_fftMag_mfcc[1]` -> `pcm_fftMag_mfcc_sma[1]`. */
const withSuffix = (name: string, suffix: string) => name.replace(/(\[\d+\])?$/, `${suffix}$1`);

export function smoothedLldSet(options: SmoothedLldSetOptions): PipelineFeatureSet {
  const columns = [
    ...options.lldNames.map((name) => withSuffix(name, "_sma")),
    ...options.lldNames.map((name) => withSuffix(name, "_sma_de")),
  ];
  const lldCount = options.lldNames.length;
  const createPipeline = (sampleRate: number): FeaturePipeline => {
    const geometry = frameGeometry(sampleRate, IS09_FRAME_SIZE_SECONDS, IS09_FRAME_STEP_SECONDS);
    const frameProcessor = options.createFrameProcessor(geometry.frameSize, sampleRate);
    const contextualStages = [
      createContourSmootherStage({ inputDimension: lldCount, smaWin: IS09_SMA_WIN }),
      createDeltaRegressionStage({ inputDimension: lldCount, deltaWindow: IS09_DELTA_WIN }),
    ];
    return {
      ...geometry,
      frameProcessor,
      contextualStages,
      dimension: pipelineDimension(frameProcessor, contextualStages),
    };
  };
  return {
    ...specAtEveryRate({
      name: options.name,
      frameSizeSeconds: IS09_FRAME_SIZE_SECONDS,
      frameStepSeconds: IS09_FRAME_STEP_SECONDS,
      columns,
      params: options.params,
    }),
    createPipeline,
    createExtractor: (sampleRate, expectedSamples) =>
      createPipelineStreamingExtractor(createPipeline(sampleRate), expectedSamples),
  };
}
