// `is09_lld`: the frame-level LLDs of openSMILE's config/is09-13/IS09_emotion.conf — RMS energy,
// MFCC 1-12, zero-crossing rate, voicing probability and F0, each smoothed over 3 frames
// (cContourSmoother), then their deltas (cDeltaRegression, deltawin 2): 32 values per frame
// (smoothed-lld-set.ts). One framer feeds every branch: energy reads the pre-emphasised Hamming
// frame, the ZCR the raw frame, MFCCs the FFT magnitudes of the windowed frame and pitch (ACF,
// cepstrum) their squares, computed once in the front end.
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { FrameProcessor, PipelineFeatureSet } from "../feature-set.js";
import {
  IS09_FRAME_SIZE_SECONDS,
  IS09_PREEMPHASIS,
  IS09_PROSODY_PARAMS,
  Is09Prosody,
} from "../is09-prosody.js";
import { MelFilterbank, openSmileBinSpacing } from "../mel-filterbank.js";
import { Mfcc } from "../mfcc.js";
import { SpectralFrontEnd } from "../spectral-front-end.js";
import {
  IS09_DELTA_WIN,
  IS09_FRONT_END_PARAMS,
  IS09_SMA_WIN,
  smoothedLldSet,
} from "./smoothed-lld-set.js";

const MEL_BANDS = 26;
const FIRST_MFCC = 1;
const LAST_MFCC = 12;
const CEP_LIFTER = 22;

/** openSMILE's LLD names, in its column order. */
const LLD_NAMES = [
  "pcm_RMSenergy",
  ...Array.from({ length: LAST_MFCC }, (_, c) => `pcm_fftMag_mfcc[${c + FIRST_MFCC}]`),
  "pcm_zcr",
  "voiceProb",
  "F0",
];
const LLD_COUNT = LLD_NAMES.length;

/** The config's parameters under their openSMILE `<section>.<option>` names. */
const PARAMS: FeatureSetSpec["params"] = {
  ...IS09_FRONT_END_PARAMS,
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
  ...IS09_PROSODY_PARAMS,
  "is09_energy.log": 0,
  "is09_lld.smaWin": IS09_SMA_WIN,
  "is09_lld.noPostEOIprocessing": 0,
  "is09_delta1.deltawin": IS09_DELTA_WIN,
  "is09_delta1.noPostEOIprocessing": 0,
};

export const is09Lld: PipelineFeatureSet = smoothedLldSet({
  name: "is09_lld",
  lldNames: LLD_NAMES,
  params: PARAMS,
  createFrameProcessor: (frameSize) => createLldFrameProcessor(frameSize),
});

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
