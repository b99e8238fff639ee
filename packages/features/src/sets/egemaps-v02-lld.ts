// `egemaps_v02_lld`: the 25 LLDs of openSMILE's eGeMAPS v02 (config/egemaps/v02/eGeMAPSv02.conf,
// its `lld` level): the 20 ms spectral group smoothed over 3 frames (sma3), then F0 and the
// voice-quality and formant group smoothed over their non-zero values (sma3nz). Rows every 10 ms;
// openSMILE joins the two smoothed levels at the shorter one, the 60 ms pitch level plus the row
// its smoother adds past the end. Rows trail the audio by the pitch smoother's delay (39 frames)
// and the smoothing's lookahead (1).
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { FeatureSet } from "../feature-set.js";
import { GEMAPS_FORMANT_PARAMS } from "../gemaps-formants.js";
import { GEMAPS_PITCH_PARAMS } from "../gemaps-pitch.js";
import { GEMAPS_SPECTRAL_FRAME_SECONDS, GEMAPS_SPECTRAL_PARAMS } from "../gemaps-spectral-llds.js";
import { GEMAPS_HARMONICS_PARAMS } from "../harmonics.js";
import { GEMAPS_JITTER_PARAMS } from "../pitch-jitter.js";
import { EGEMAPS_E_COLUMNS, EGEMAPS_F_COLUMNS, EgemapsLevels } from "./egemaps-v02-levels.js";
import { GemapsSmoothedLevel } from "./gemaps-smoothed-level.js";
import { JoinedLevelsExtractor } from "./joined-levels-extractor.js";
import { specAtEveryRate } from "./spec-at-every-rate.js";

/** The E columns in the LLD file (all but the frame energy, which only a functional reads). */
const E_LLD_COUNT = EGEMAPS_E_COLUMNS.length - 1;
/** The F columns in the LLD file (all but F0 in Hz). */
const F_LLD_FIRST = 1;
const F_LLD_COUNT = EGEMAPS_F_COLUMNS.length - F_LLD_FIRST;

const COLUMNS = [
  ...EGEMAPS_E_COLUMNS.slice(0, E_LLD_COUNT).map((name) => `${name}_sma3`),
  ...EGEMAPS_F_COLUMNS.slice(F_LLD_FIRST).map((name) => `${name}_sma3nz`),
];

/** What changes the numbers, under the configs' `<section>.<option>` names. */
export const EGEMAPS_V02_PARAMS: FeatureSetSpec["params"] = {
  config: "config/egemaps/v02/eGeMAPSv02.conf",
  ...GEMAPS_SPECTRAL_PARAMS,
  "gemapsv01b_frame60.frameSize": GEMAPS_PITCH_PARAMS.frameSizeSeconds,
  "gemapsv01b_frame60.frameStep": GEMAPS_PITCH_PARAMS.frameStepSeconds,
  "gemapsv01b_win60.winFunc": "gauss",
  "gemapsv01b_win60.sigma": GEMAPS_PITCH_PARAMS.gaussSigma,
  "gemapsv01b_pitchSmoothViterbi.bufferLength": GEMAPS_PITCH_PARAMS.bufferLength,
  "gemapsv01b_volmerge.threshold": GEMAPS_PITCH_PARAMS.energyThreshold,
  "gemapsv01b_pitchJitter.searchRangeRel": GEMAPS_JITTER_PARAMS.searchRangeRel,
  "gemapsv01b_pitchJitter.minCC": GEMAPS_JITTER_PARAMS.minCC,
  "gemapsv01b_harmonics.nHarmonics": GEMAPS_HARMONICS_PARAMS.nHarmonics,
  "gemapsv01b_lpc.p": GEMAPS_FORMANT_PARAMS.lpcOrder,
  "gemapsv01b_resampLpc.targetFs": GEMAPS_FORMANT_PARAMS.targetRate,
  "gemapsv01b_formantLpc.minF": GEMAPS_FORMANT_PARAMS.minFrequency,
  "gemapsv01b_formantLpc.maxF": GEMAPS_FORMANT_PARAMS.maxFrequency,
  "egemapsv02_smoE.smaWin": 3,
  "egemapsv02_smoFnz.smaWin": 3,
  "egemapsv02_smoFnz.noZeroSma": 1,
};

export const egemapsV02Lld: FeatureSet = {
  ...specAtEveryRate({
    name: "egemaps_v02_lld",
    level: "lld",
    // Rows are timed as openSMILE's joined level times them, by the 20 ms frames (the first level
    // of the join): the row past the end of the 60 ms pitch level still has a 20 ms frame of its own.
    frameSizeSeconds: GEMAPS_SPECTRAL_FRAME_SECONDS,
    frameStepSeconds: GEMAPS_PITCH_PARAMS.frameStepSeconds,
    columns: COLUMNS,
    params: EGEMAPS_V02_PARAMS,
  }),
  createExtractor: egemapsLldExtractor,
};

function egemapsLldExtractor(sampleRate: number): JoinedLevelsExtractor {
  const spectral = new GemapsSmoothedLevel(E_LLD_COUNT, false);
  // egemapsv02_smoFnz: its selector reads cPitchJitter, so it ends before the late pitch rows.
  const voice = new GemapsSmoothedLevel(F_LLD_COUNT, true);
  const levels = new EgemapsLevels(sampleRate, {
    eRow: (row) => spectral.accept(row),
    fRow: (row) => voice.accept(row, F_LLD_FIRST),
    lateRowsFollow: () => voice.end(),
  });
  const source = {
    push: (chunk: Float32Array) => levels.push(chunk),
    end: () => {
      levels.end();
      voice.finish();
      spectral.end();
    },
  };
  // Behind the last whole 20 ms frame: the 60 ms frame's extra length, the pitch smoother's
  // delay and the smoothing's lookahead.
  const delayFrames = levels.longFrameLead + levels.pitchDelay + 1;
  return new JoinedLevelsExtractor(source, delayFrames, COLUMNS.length, [
    { level: spectral.output, from: 0, count: E_LLD_COUNT, to: 0 },
    { level: voice.output, from: 0, count: F_LLD_COUNT, to: E_LLD_COUNT },
  ]);
}
