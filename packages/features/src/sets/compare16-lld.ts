// `compare16_lld`: the 65 LLDs of openSMILE's ComParE 2016 (config/compare16/ComParE_2016.conf,
// its `lld` and `lld_de` levels side by side, as `-lldcsvoutput` writes them): the voice group
// (F0, voicing, jitter, shimmer, HNR; smoothed over non-zero values), level A (auditory spectrum
// sums, RMS energy, ZCR) and level B (RASTA auditory spectrum, cSpectral, MFCC 1-14), smoothed over
// 3 frames, then the deltas of all three. Rows every 10 ms; openSMILE joins the levels at the
// shortest, the 60 ms levels plus the row their smoothers add past the end.
import type { FeatureSetSpec } from "@emotion-stream/core";
import {
  COMPARE16_SPECTRAL_FRAME_SECONDS,
  COMPARE16_SPECTRAL_PARAMS,
} from "../compare16-spectral-llds.js";
import { COMPARE16_ZCR_PARAMS } from "../compare16-zcr.js";
import type { FeatureSet } from "../feature-set.js";
import { COMPARE16_FUNCTIONAL_INPUTS } from "../functionals/compare16-functionals.js";
import { COMPARE16_PITCH_PARAMS } from "../gemaps-pitch.js";
import { COMPARE16_JITTER_PARAMS } from "../pitch-jitter.js";
import {
  COMPARE16_A_COLUMNS,
  COMPARE16_B_COLUMNS,
  COMPARE16_VOICE_COLUMNS,
  Compare16LldLevels,
} from "./compare16-lld-levels.js";
import { JoinedLevelsExtractor } from "./joined-levels-extractor.js";
import type { JoinedColumns } from "./level-join.js";
import { specAtEveryRate } from "./spec-at-every-rate.js";

const inputs = COMPARE16_FUNCTIONAL_INPUTS;
const COLUMNS = [
  ...inputs.nz,
  ...inputs.lldA,
  ...inputs.lldB,
  ...inputs.nzDelta,
  ...inputs.lldADelta,
  ...inputs.lldBDelta,
];
const STATICS = COMPARE16_VOICE_COLUMNS + COMPARE16_A_COLUMNS + COMPARE16_B_COLUMNS;

/** What changes the numbers, under the configs' `<section>.<option>` names. */
export const COMPARE16_PARAMS: FeatureSetSpec["params"] = {
  config: "config/compare16/ComParE_2016.conf",
  ...COMPARE16_SPECTRAL_PARAMS,
  ...COMPARE16_ZCR_PARAMS,
  "is13_frame60.frameSize": COMPARE16_PITCH_PARAMS.frameSizeSeconds,
  "is13_win60.winFunc": "gauss",
  "is13_win60.sigma": COMPARE16_PITCH_PARAMS.gaussSigma,
  "is13_shs.minPitch": COMPARE16_PITCH_PARAMS.shs.minPitch,
  "is13_shs.maxPitch": COMPARE16_PITCH_PARAMS.shs.maxPitch,
  "is13_pitchSmoothViterbi.bufferLength": COMPARE16_PITCH_PARAMS.bufferLength,
  "is13_volmerge.threshold": COMPARE16_PITCH_PARAMS.energyThreshold,
  "is13_pitchJitter.searchRangeRel": COMPARE16_JITTER_PARAMS.searchRangeRel,
  "is13_smoNz.smaWin": 3,
  "is13_smoNz.noZeroSma": 1,
  "is13_smoA.smaWin": 3,
  "is13_smoB.smaWin": 3,
  "is13_deNz.onlyInSegments": 1,
  "is13_deA.deltawin": 2,
};

export const compare16Lld: FeatureSet = {
  ...specAtEveryRate({
    name: "compare16_lld",
    level: "lld",
    frameSizeSeconds: COMPARE16_SPECTRAL_FRAME_SECONDS,
    frameStepSeconds: COMPARE16_PITCH_PARAMS.frameStepSeconds,
    columns: COLUMNS,
    params: COMPARE16_PARAMS,
  }),
  createExtractor: (sampleRate) => {
    const levels = new Compare16LldLevels(sampleRate);
    return new JoinedLevelsExtractor(levels, levels.delayFrames, COLUMNS.length, rowLayout(levels));
  },
};

/** The three levels' statics, then their deltas. */
function rowLayout({ voice, levelA, levelB }: Compare16LldLevels): JoinedColumns[] {
  const groups = [
    [voice, COMPARE16_VOICE_COLUMNS],
    [levelA, COMPARE16_A_COLUMNS],
    [levelB, COMPARE16_B_COLUMNS],
  ] as const;
  const parts: JoinedColumns[] = [];
  let statics = 0;
  for (const [level, width] of groups) {
    parts.push({ level, from: 0, count: width, to: statics });
    parts.push({ level, from: width, count: width, to: STATICS + statics });
    statics += width;
  }
  return parts;
}
