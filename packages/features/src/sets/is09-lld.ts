// `is09_lld`: the frame-level LLDs of openSMILE's config/is09-13/IS09_emotion.conf — RMS energy,
// MFCC 1-12, zero-crossing rate, voicing probability and F0, each smoothed over 3 frames
// (cContourSmoother), then their deltas (cDeltaRegression, deltawin 2): 32 values per frame.
// One framer feeds every branch: energy reads the pre-emphasised Hamming frame, the ZCR the raw
// frame, MFCCs the FFT magnitudes of the windowed frame and pitch (ACF, cepstrum) their squares,
// computed once in the front end. The smoother's level gets one row past the last frame at end of
// input (openSMILE's post-EOI processing), so IS09 has one row more than MFCC0_12 for the same
// audio, with the last frame's time repeated.
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { ContextualStage } from "../contextual-stage.js";
import { createContourSmootherStage } from "../contour-smoother.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import {
  type FeaturePipeline,
  type FeatureSet,
  type FrameProcessor,
  pipelineDimension,
} from "../feature-set.js";
import { frameGeometry } from "../framing.js";
import {
  IS09_FRAME_SIZE_SECONDS,
  IS09_MAX_PITCH,
  IS09_PREEMPHASIS,
  IS09_VOICING_CUTOFF,
  Is09Prosody,
} from "../is09-prosody.js";
import { MelFilterbank, openSmileBinSpacing } from "../mel-filterbank.js";
import { Mfcc } from "../mfcc.js";
import { SpectralFrontEnd } from "../spectral-front-end.js";
import { CANONICAL_SAMPLE_RATE } from "./mfcc-feature-set.js";

const FRAME_STEP_SECONDS = 0.01;
const MEL_BANDS = 26;
const FIRST_MFCC = 1;
const LAST_MFCC = 12;
const CEP_LIFTER = 22;
const SMA_WIN = 3;
const DELTA_WIN = 2;

const mfccNames = (suffix: string) =>
  Array.from({ length: LAST_MFCC }, (_, c) => `pcm_fftMag_mfcc${suffix}[${c + FIRST_MFCC}]`);
const lldNames = (suffix: string) => [
  `pcm_RMSenergy${suffix}`,
  ...mfccNames(suffix),
  `pcm_zcr${suffix}`,
  `voiceProb${suffix}`,
  `F0${suffix}`,
];
/** openSMILE's column names, in its order: 16 smoothed LLDs, then their 16 deltas. */
const COLUMNS = [...lldNames("_sma"), ...lldNames("_sma_de")];
const LLD_COUNT = COLUMNS.length / 2;

/** The config's parameters under their openSMILE `<section>.<option>` names. */
const PARAMS: FeatureSetSpec["params"] = {
  "waveIn.monoMixdown": 1,
  "is09_fr1.frameSize": IS09_FRAME_SIZE_SECONDS,
  "is09_fr1.frameStep": FRAME_STEP_SECONDS,
  "is09_fr1.frameMode": "fixed",
  "is09_fr1.frameCenterSpecial": "left",
  "is09_fr1.noPostEOIprocessing": 1,
  "is09_pe2.k": IS09_PREEMPHASIS,
  "is09_pe2.de": 0,
  "is09_w1.winFunc": "ham",
  "is09_w1.gain": 1,
  "is09_w1.offset": 0,
  "is09_fft1.zeroPadSymmetric": 0,
  "is09_fftmp1.magnitude": 1,
  "is09_mspec.htkcompatible": 1,
  "is09_mspec.nBands": MEL_BANDS,
  "is09_mspec.usePower": 0,
  "is09_mspec.lofreq": 0,
  "is09_mspec.hifreq": 8000,
  "is09_mspec.specScale": "mel",
  "is09_mfcc.firstMfcc": FIRST_MFCC,
  "is09_mfcc.lastMfcc": LAST_MFCC,
  "is09_mfcc.cepLifter": CEP_LIFTER,
  "is09_mfcc.htkcompatible": 1,
  "is09_acf.usePower": 1,
  "is09_acf.cepstrum": 0,
  "is09_cepstrum.usePower": 1,
  "is09_cepstrum.cepstrum": 1,
  "is09_pitchACF.maxPitch": IS09_MAX_PITCH,
  "is09_pitchACF.voicingCutoff": IS09_VOICING_CUTOFF,
  "is09_energy.rms": 1,
  "is09_energy.log": 0,
  "is09_mzcr.zcr": 1,
  "is09_lld.smaWin": SMA_WIN,
  "is09_lld.noPostEOIprocessing": 0,
  "is09_delta1.deltawin": DELTA_WIN,
  "is09_delta1.noPostEOIprocessing": 0,
};

function specFor(sampleRate: number): FeatureSetSpec {
  return {
    name: "is09_lld",
    sampleRate,
    frameSizeSeconds: IS09_FRAME_SIZE_SECONDS,
    frameStepSeconds: FRAME_STEP_SECONDS,
    dimension: COLUMNS.length,
    columns: [...COLUMNS],
    params: { ...PARAMS },
  };
}

export const is09Lld: FeatureSet = {
  name: "is09_lld",
  spec: specFor(CANONICAL_SAMPLE_RATE),
  specFor,
  createPipeline,
};

function createPipeline(sampleRate: number): FeaturePipeline {
  const geometry = frameGeometry(sampleRate, IS09_FRAME_SIZE_SECONDS, FRAME_STEP_SECONDS);
  const frameProcessor = createLldFrameProcessor(geometry.frameSize);
  const contextualStages: ContextualStage[] = [
    createContourSmootherStage({ inputDimension: LLD_COUNT, smaWin: SMA_WIN }),
    createDeltaRegressionStage({ inputDimension: LLD_COUNT, deltaWindow: DELTA_WIN }),
  ];
  return {
    ...geometry,
    frameProcessor,
    contextualStages,
    dimension: pipelineDimension(frameProcessor, contextualStages),
  };
}

/** The 16 unsmoothed LLDs of one frame, in column order. Holds the pitch contour's state. */
function createLldFrameProcessor(frameSize: number): FrameProcessor {
  const frontEnd = new SpectralFrontEnd({ frameSize, preemphasis: IS09_PREEMPHASIS });
  const { fftSize } = frontEnd;
  const melFilterbank = new MelFilterbank({
    bins: frontEnd.magnitudes.length,
    binSpacingHz: openSmileBinSpacing(IS09_FRAME_SIZE_SECONDS, frameSize, fftSize),
    nBands: MEL_BANDS,
    lofreq: 0,
    hifreq: 8000,
    usePower: false,
    htkcompatible: true,
  });
  const mfcc = new Mfcc({
    nBands: MEL_BANDS,
    firstMfcc: FIRST_MFCC,
    lastMfcc: LAST_MFCC,
    cepLifter: CEP_LIFTER,
    htkcompatible: true,
  });
  const prosody = new Is09Prosody(frontEnd, frameSize);
  const zcrColumn = 1 + mfcc.dimension;
  return {
    dimension: LLD_COUNT,
    process(samples, start, out, outOffset) {
      frontEnd.compute(samples, start);
      const { energy, zcr, voiceProb, f0 } = prosody.compute(samples, start);
      out[outOffset] = energy;
      mfcc.compute(melFilterbank.compute(frontEnd.magnitudes, frontEnd.powers), out, outOffset + 1);
      out[outOffset + zcrColumn] = zcr;
      out[outOffset + zcrColumn + 1] = voiceProb;
      out[outOffset + zcrColumn + 2] = f0;
    },
  };
}
