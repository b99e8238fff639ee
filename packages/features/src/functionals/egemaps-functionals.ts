// The 88 eGeMAPS v02 functionals (config/egemaps/v02/eGeMAPSv02.conf: the cFunctionals instances
// of gemaps/v01b/GeMAPSv01b_core.func.conf.inc and egemaps/v02/eGeMAPSv02_core.func.conf.inc, in
// the order its `funcconcat` joins them) from the smoothed LLD groups each instance reads. Rows: an
// instance sees its level as it stood when the input ended (see EgemapsV02FunctionalsInput).
import type { FeatureMatrix } from "../feature-matrix.js";
import { equivalentSoundLevel } from "./equivalent-sound-level.js";
import {
  applyFunctionals,
  checkInputWidths,
  type FunctionalsSpec,
  functionalColumns,
} from "./functionals.js";

/**
 * The LLD matrices the functionals read, one per openSMILE level, columns in the orders of
 * EGEMAPS_V02_FUNCTIONAL_INPUTS. openSMILE computes the functionals at the first end-of-input tick,
 * so each group holds only the rows its level had by then:
 * - `loudness`, `meanStddevZ`, `energy` (20 ms frame path): one row per complete 20 ms frame,
 *   floor((samples − 0.020·rate) / (0.010·rate)) + 1, i.e. every row but the one the 3-frame
 *   smoother adds at the end (411 of 412 for a 65,937-sample 16 kHz file);
 * - `f0`, `voiced`, `unvoiced` (60 ms pitch path): the frames the Viterbi pitch smoother
 *   (cPitchSmootherViterbi) had emitted before the end, the prefix where all its paths agreed;
 *   the rows of its final flush come too late. Data dependent: 1 to 3 fewer than the complete 60 ms
 *   frames (406 of 407 for that file, 236 of 238 for en_female_fast_high, 5 of 7 for 120 ms).
 */
export interface EgemapsV02FunctionalsInput {
  readonly f0: FeatureMatrix;
  readonly loudness: FeatureMatrix;
  readonly meanStddevZ: FeatureMatrix;
  readonly voiced: FeatureMatrix;
  readonly unvoiced: FeatureMatrix;
  readonly energy: FeatureMatrix;
}

export type EgemapsV02FunctionalsGroup = keyof EgemapsV02FunctionalsInput;

/** Each group's columns: the openSMILE level it is and the LLD names in it. */
export const EGEMAPS_V02_FUNCTIONAL_INPUTS: Readonly<
  Record<EgemapsV02FunctionalsGroup, readonly string[]>
> = {
  // gemapsv01b_lld_single_logF0_smo
  f0: ["F0semitoneFrom27.5Hz_sma3nz"],
  // gemapsv01b_loudness_smo
  loudness: ["loudness_sma3"],
  // egemapsv02_lldSetNoF0AndLoudnessZ_smo
  meanStddevZ: ["spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3"],
  // egemapsv02_lldSetNoF0AndLoudnessNz_smo, then egemapsv02_lldSetSpectralNz_smo. Unlike the LLD
  // output's columns of the same names, formant frequencies and bandwidths (gemapsv01b_formantsNz)
  // and the spectral V columns are set to 0 on unvoiced frames (F0 = 0) before the sma3nz smoothing.
  voiced: [
    "jitterLocal_sma3nz",
    "shimmerLocaldB_sma3nz",
    "HNRdBACF_sma3nz",
    "logRelF0-H1-H2_sma3nz",
    "logRelF0-H1-A3_sma3nz",
    "F1frequency_sma3nz",
    "F1bandwidth_sma3nz",
    "F1amplitudeLogRelF0_sma3nz",
    "F2frequency_sma3nz",
    "F2bandwidth_sma3nz",
    "F2amplitudeLogRelF0_sma3nz",
    "F3frequency_sma3nz",
    "F3bandwidth_sma3nz",
    "F3amplitudeLogRelF0_sma3nz",
    "alphaRatioV_sma3nz",
    "hammarbergIndexV_sma3nz",
    "slopeV0-500_sma3nz",
    "slopeV500-1500_sma3nz",
    "spectralFluxV_sma3nz",
    "mfcc1V_sma3nz",
    "mfcc2V_sma3nz",
    "mfcc3V_sma3nz",
    "mfcc4V_sma3nz",
  ],
  // egemapsv02_lldSetSpectralZ_smo: the spectral values set to 0 on voiced frames, then sma3nz.
  unvoiced: [
    "alphaRatioUV_sma3nz",
    "hammarbergIndexUV_sma3nz",
    "slopeUV0-500_sma3nz",
    "slopeUV500-1500_sma3nz",
    "spectralFluxUV_sma3nz",
  ],
  // egemapsv02_energyRMS: cEnergy with rms = 0, energy2 = 1 (mean squared sample), unsmoothed
  energy: ["pcm_SQUAREDenergy"],
};

const PITCH_SLOPES = [
  "meanRisingSlope",
  "stddevRisingSlope",
  "meanFallingSlope",
  "stddevFallingSlope",
] as const;

/** gemapsv01b_functionalsF0 / gemapsv01b_functionalsLoudness. */
function contourSpec(nonZero: boolean): FunctionalsSpec {
  return {
    nonZero,
    components: [
      { kind: "moments", outputs: ["amean", "stddevNorm"] },
      { kind: "percentiles", percentiles: [0.2, 0.5, 0.8], ranges: [[0, 2]] },
      { kind: "peaks", outputs: PITCH_SLOPES, relThreshold: 0.1, norm: "seconds" },
    ],
  };
}

interface Instance {
  readonly group: EgemapsV02FunctionalsGroup;
  readonly spec: FunctionalsSpec;
  /** The names the set gives the outputs; `<lld>_<output>` when absent. */
  readonly names?: readonly string[];
}

// In funcconcat's order; the temporal ones are gemapsv01b_temporalSet's selections, renamed.
const INSTANCES: readonly Instance[] = [
  { group: "f0", spec: contourSpec(true) },
  { group: "loudness", spec: contourSpec(false) },
  {
    group: "meanStddevZ",
    spec: { components: [{ kind: "moments", outputs: ["amean", "stddevNorm"] }] },
  },
  {
    group: "voiced",
    spec: { nonZero: true, components: [{ kind: "moments", outputs: ["amean", "stddevNorm"] }] },
  },
  {
    group: "unvoiced",
    spec: { nonZero: true, components: [{ kind: "moments", outputs: ["amean"] }] },
  },
  {
    group: "loudness",
    spec: {
      components: [{ kind: "peaks", outputs: ["numPeaks"], relThreshold: 0.1, norm: "seconds" }],
    },
    names: ["loudnessPeaksPerSec"],
  },
  {
    group: "f0",
    spec: {
      components: [
        {
          kind: "segments",
          algorithm: "nonX",
          x: 0,
          maxSegments: 1000,
          outputs: ["numSegments", "meanSegLen", "segLenStddev"],
        },
      ],
    },
    names: ["VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec", "StddevVoicedSegmentLengthSec"],
  },
  {
    group: "f0",
    spec: {
      components: [
        {
          kind: "segments",
          algorithm: "eqX",
          x: 0,
          maxSegments: 1000,
          outputs: ["meanSegLen", "segLenStddev"],
        },
      ],
    },
    names: ["MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength"],
  },
];

const EQUIVALENT_SOUND_LEVEL = "equivalentSoundLevel_dBp";

/** The 88 column names, as openSMILE's `-csvoutput` writes them after `name;frameTime`. */
export const EGEMAPS_V02_FUNCTIONAL_COLUMNS: readonly string[] = [
  ...INSTANCES.flatMap(
    (instance) =>
      instance.names ??
      functionalColumns(instance.spec, EGEMAPS_V02_FUNCTIONAL_INPUTS[instance.group]),
  ),
  EQUIVALENT_SOUND_LEVEL,
];

/**
 * The 88 values; `frameStepSeconds` is the LLD frame period (0.01 s), in which openSMILE gives
 * slopes, segment lengths and rates. BAD_FRAME_DIMENSION if a group has other than its columns.
 */
export function egemapsV02Functionals(
  input: EgemapsV02FunctionalsInput,
  frameStepSeconds: number,
): Float32Array {
  checkInputWidths("eGeMAPS", EGEMAPS_V02_FUNCTIONAL_INPUTS, input);
  const out = new Float32Array(EGEMAPS_V02_FUNCTIONAL_COLUMNS.length);
  let offset = 0;
  for (const instance of INSTANCES) {
    const values = applyFunctionals(input[instance.group], instance.spec, frameStepSeconds);
    out.set(values, offset);
    offset += values.length;
  }
  out[offset] = equivalentSoundLevel(input.energy.data);
  return out;
}
