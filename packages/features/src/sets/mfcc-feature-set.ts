// One definition serves both openSMILE MFCC configs: a spectral front end, cMelspec, cMfcc, and
// optionally cDeltaRegression twice (deltas, then deltas of deltas = accelerations).
import type { ContextualStage } from "../contextual-stage.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import {
  type FeaturePipeline,
  type FrameProcessor,
  type PipelineFeatureSet,
  pipelineDimension,
} from "../feature-set.js";
import { frameGeometry } from "../framing.js";
import { MelFilterbank, openSmileBinSpacing } from "../mel-filterbank.js";
import { Mfcc } from "../mfcc.js";
import { SpectralFrontEnd } from "../spectral-front-end.js";
import { createPipelineStreamingExtractor } from "../streaming-extractor.js";
import { type SpecDescription, specAtEveryRate } from "./spec-at-every-rate.js";

/** The spec's description (no level: the first study's cards have none) and the chain's options. */
export interface MfccFeatureSetConfig extends Omit<SpecDescription, "level"> {
  readonly preemphasis: number;
  readonly melspec: {
    readonly nBands: number;
    readonly lofreq: number;
    readonly hifreq: number;
    readonly usePower: boolean;
    readonly htkcompatible: boolean;
  };
  readonly mfcc: {
    readonly firstMfcc: number;
    readonly lastMfcc: number;
    readonly cepLifter: number;
    readonly htkcompatible: boolean;
  };
  /** Delta regression window for deltas and accelerations; none when absent. */
  readonly deltawin?: number;
}

export function defineMfccFeatureSet(config: MfccFeatureSetConfig): PipelineFeatureSet {
  return {
    ...specAtEveryRate(config),
    createPipeline: (sampleRate) => createMfccPipeline(config, sampleRate),
    createExtractor: (sampleRate, expectedSamples) =>
      createPipelineStreamingExtractor(createMfccPipeline(config, sampleRate), expectedSamples),
  };
}

function createMfccPipeline(config: MfccFeatureSetConfig, sampleRate: number): FeaturePipeline {
  const geometry = frameGeometry(sampleRate, config.frameSizeSeconds, config.frameStepSeconds);
  const frameProcessor = createMfccFrameProcessor(config, geometry.frameSize);
  const contextualStages = mfccDeltaStages(frameProcessor.dimension, config.deltawin);
  return {
    ...geometry,
    frameProcessor,
    contextualStages,
    dimension: pipelineDimension(frameProcessor, contextualStages),
  };
}

function createMfccFrameProcessor(config: MfccFeatureSetConfig, frameSize: number): FrameProcessor {
  const frontEnd = new SpectralFrontEnd({ frameSize, preemphasis: config.preemphasis });
  const melFilterbank = new MelFilterbank({
    ...config.melspec,
    bins: frontEnd.magnitudes.length,
    binSpacingHz: openSmileBinSpacing(config.frameSizeSeconds, frameSize, frontEnd.fftSize),
  });
  const mfcc = new Mfcc({ ...config.mfcc, nBands: config.melspec.nBands });
  return {
    dimension: mfcc.dimension,
    process(samples, start, out, outOffset) {
      frontEnd.compute(samples, start);
      mfcc.compute(melFilterbank.compute(frontEnd.magnitudes, frontEnd.powers), out, outOffset);
    },
  };
}

function mfccDeltaStages(statics: number, deltawin: number | undefined): ContextualStage[] {
  if (deltawin === undefined) return [];
  const deltas = createDeltaRegressionStage({ inputDimension: statics, deltaWindow: deltawin });
  const accelerations = createDeltaRegressionStage({
    inputDimension: deltas.outputDimension,
    deltaWindow: deltawin,
    sourceStart: statics,
    sourceCount: statics,
  });
  return [deltas, accelerations];
}
