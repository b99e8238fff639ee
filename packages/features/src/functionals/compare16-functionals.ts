// The 6,373 ComParE 2016 functionals (config/compare16/ComParE_2016.conf: the six cFunctionals
// instances of ComParE_2016_core.func.conf.inc, joined by its `is13_funcconcat` in the order A, B,
// Nz, F0, LLD, Delta) from the LLD levels they read. Rows: each level as it stood when the input
// ended (see Compare16FunctionalsInput); an instance reading several levels reads them as one, so
// only as many rows of each as the shortest has.

import type { FeatureMatrix } from "../feature-matrix.js";
import { PEAKS_OUTPUTS } from "./functional-peaks.js";
import {
  checkInputWidths,
  type FunctionalComponent,
  FunctionalsApplier,
  type FunctionalsSpec,
  functionalColumns,
  gatherColumns,
  outputsPerColumn,
  requireFrames,
} from "./functionals.js";

/**
 * The LLD levels, columns in the orders of COMPARE16_FUNCTIONAL_INPUTS. openSMILE computes the
 * functionals at the first end-of-input tick, so each holds only the rows its level had by then:
 * - `lldB`: the complete 20 ms frames, floor((samples − 0.020·rate) / (0.010·rate)) + 1;
 * - `lldA`: the complete 60 ms frames (its zero-crossing rate comes from the 60 ms frames);
 * - `nz`, `f0`: the frames the Viterbi pitch smoother had emitted before the end (as eGeMAPS's
 *   `f0`, see EgemapsV02FunctionalsInput);
 * - each `…Delta`: 2 rows fewer than the level it is the delta of (its last two come later).
 */
export interface Compare16FunctionalsInput {
  /** is13_lldA_smo */
  readonly lldA: FeatureMatrix;
  /** is13_lldA_smo_de */
  readonly lldADelta: FeatureMatrix;
  /** is13_lldB_smo */
  readonly lldB: FeatureMatrix;
  /** is13_lldB_smo_de */
  readonly lldBDelta: FeatureMatrix;
  /** is13_lld_nzsmo: pitch and voice quality, 0 where unvoiced */
  readonly nz: FeatureMatrix;
  /** is13_lld_nzsmo_de */
  readonly nzDelta: FeatureMatrix;
  /** is13_lld_f0_nzsmo: the F0 column of `nz`, renamed by its cDataSelector's nameAppend */
  readonly f0: FeatureMatrix;
}

export type Compare16FunctionalsLevel = keyof Compare16FunctionalsInput;

const deltaOf = (names: readonly string[]) =>
  names.map((name) => name.replace(/(\[\d+\])?$/, "_de$1"));
const indexed = (name: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${name}[${from + i}]`);

const LLD_A = [
  "audspec_lengthL1norm_sma",
  "audspecRasta_lengthL1norm_sma",
  "pcm_RMSenergy_sma",
  "pcm_zcr_sma",
];
const LLD_B = [
  ...indexed("audSpec_Rfilt_sma", 0, 25),
  "pcm_fftMag_fband250-650_sma",
  "pcm_fftMag_fband1000-4000_sma",
  "pcm_fftMag_spectralRollOff25.0_sma",
  "pcm_fftMag_spectralRollOff50.0_sma",
  "pcm_fftMag_spectralRollOff75.0_sma",
  "pcm_fftMag_spectralRollOff90.0_sma",
  "pcm_fftMag_spectralFlux_sma",
  "pcm_fftMag_spectralCentroid_sma",
  "pcm_fftMag_spectralEntropy_sma",
  "pcm_fftMag_spectralVariance_sma",
  "pcm_fftMag_spectralSkewness_sma",
  "pcm_fftMag_spectralKurtosis_sma",
  "pcm_fftMag_spectralSlope_sma",
  "pcm_fftMag_psySharpness_sma",
  "pcm_fftMag_spectralHarmonicity_sma",
  ...indexed("mfcc_sma", 1, 14),
];
const NZ = [
  "F0final_sma",
  "voicingFinalUnclipped_sma",
  "jitterLocal_sma",
  "jitterDDP_sma",
  "shimmerLocal_sma",
  "logHNR_sma",
];

/** Each level's columns, as openSMILE names them. */
export const COMPARE16_FUNCTIONAL_INPUTS: Readonly<
  Record<Compare16FunctionalsLevel, readonly string[]>
> = {
  lldA: LLD_A,
  lldADelta: deltaOf(LLD_A),
  lldB: LLD_B,
  lldBDelta: deltaOf(LLD_B),
  nz: NZ,
  nzDelta: deltaOf(NZ),
  f0: ["F0final_sma_ff0"],
};

// Positions as shares of the segment: the instances' masterTimeNorm, Extremes.norm being unset.
const EXTREMES: FunctionalComponent = {
  kind: "extremes",
  outputs: ["range", "maxPos", "minPos"],
  norm: "segment",
};
const PERCENTILES: FunctionalComponent = {
  kind: "percentiles",
  quartiles: true,
  iqr: true,
  percentiles: [0.01, 0.99],
  ranges: [[0, 1]],
};
const MOMENTS: FunctionalComponent = {
  kind: "moments",
  outputs: ["stddev", "skewness", "kurtosis"],
};
const TIMES: FunctionalComponent = {
  kind: "times",
  outputs: [
    "upleveltime25",
    "upleveltime50",
    "upleveltime75",
    "upleveltime90",
    "risetime",
    "leftctime",
  ],
  norm: "segment",
};
const LPC: FunctionalComponent = { kind: "lpc", gain: true, order: 5, firstCoeff: 0 };
const SEGMENT_LENGTHS = ["meanSegLen", "maxSegLen", "minSegLen", "segLenStddev"] as const;

/** is13_functionalsA and B (B's rangeRelThreshold and A's ravgLng serve another algorithm). */
const CONTOUR_SPEC: FunctionalsSpec = {
  components: [
    EXTREMES,
    PERCENTILES,
    MOMENTS,
    {
      kind: "segments",
      algorithm: "relTh",
      thresholds: [0.25, 0.75],
      maxSegments: 100,
      outputs: SEGMENT_LENGTHS,
    },
    TIMES,
    LPC,
  ],
};

/** is13_functionalsNz and LLD, which differ in normRegCoeff. */
function regressionComponent(normRegCoeff: "frame" | "seconds"): FunctionalComponent {
  return {
    kind: "regression",
    outputs: [
      "linregc1",
      "linregc2",
      "linregerrQ",
      "qregc1",
      "qregc2",
      "qregc3",
      "qregerrQ",
      "centroid",
    ],
    normRegCoeff,
    normInputs: true,
    doRatioLimit: true,
    oldBuggyQerr: false,
    centroidUseAbsValues: true,
    centroidRatioLimit: true,
  };
}

/** is13_functionalsLLD and Delta. */
const PEAKS: FunctionalComponent = {
  kind: "peaks",
  // Every Peaks2 output but the peak count.
  outputs: PEAKS_OUTPUTS.filter((output) => output !== "numPeaks"),
  relThreshold: 0.1,
  norm: "seconds",
};

interface Instance {
  /** openSMILE's `reader.dmLevel`, read as one. */
  readonly levels: readonly Compare16FunctionalsLevel[];
  readonly spec: FunctionalsSpec;
}

// In is13_funcconcat's order.
const INSTANCES: readonly Instance[] = [
  // is13_functionalsA
  { levels: ["lldA", "lldADelta"], spec: CONTOUR_SPEC },
  // is13_functionalsB
  { levels: ["lldB", "lldBDelta"], spec: CONTOUR_SPEC },
  // is13_functionalsNz
  {
    levels: ["nz", "nzDelta"],
    spec: {
      nonZero: true,
      components: [
        { kind: "means", outputs: ["amean", "flatness", "posamean", "rqmean"], norm: "frame" },
        EXTREMES,
        regressionComponent("frame"),
        PERCENTILES,
        MOMENTS,
        TIMES,
        LPC,
      ],
    },
  },
  // is13_functionalsF0
  {
    levels: ["f0"],
    spec: {
      components: [
        { kind: "means", outputs: ["nnz"], norm: "segment" },
        { kind: "segments", algorithm: "nonX", x: 0, maxSegments: 100, outputs: SEGMENT_LENGTHS },
      ],
    },
  },
  // is13_functionalsLLD
  {
    levels: ["lldA", "lldB"],
    spec: {
      components: [
        { kind: "means", outputs: ["amean", "flatness", "rqmean"], norm: "frame" },
        PEAKS,
        regressionComponent("seconds"),
      ],
    },
  },
  // is13_functionalsDelta
  {
    levels: ["lldADelta", "lldBDelta"],
    spec: {
      components: [
        { kind: "means", outputs: ["flatness", "posamean", "rqmean"], norm: "frame" },
        PEAKS,
      ],
    },
  },
];

/** The 6,373 column names, as openSMILE's `-csvoutput` writes them after `name;frameTime`. */
export const COMPARE16_FUNCTIONAL_COLUMNS: readonly string[] = INSTANCES.flatMap((instance) =>
  instance.levels.flatMap((level) =>
    functionalColumns(instance.spec, COMPARE16_FUNCTIONAL_INPUTS[level]),
  ),
);

/**
 * The 6,373 values; `frameStepSeconds` is the LLD frame period (0.01 s), in which openSMILE gives
 * segment lengths, peak distances and slopes. BAD_FRAME_DIMENSION if a level has other than its
 * columns.
 */
export function compare16Functionals(
  input: Compare16FunctionalsInput,
  frameStepSeconds: number,
): Float32Array {
  checkInputWidths("ComParE", COMPARE16_FUNCTIONAL_INPUTS, input);
  const whole = (matrix: FeatureMatrix): LevelRows => ({
    matrix,
    firstColumn: 0,
    frames: matrix.frames,
  });
  return compare16FunctionalsOfLevels(
    {
      lldA: whole(input.lldA),
      lldADelta: whole(input.lldADelta),
      lldB: whole(input.lldB),
      lldBDelta: whole(input.lldBDelta),
      nz: whole(input.nz),
      nzDelta: whole(input.nzDelta),
      f0: whole(input.f0),
    },
    frameStepSeconds,
  );
}

/**
 * Where a level's rows are: its columns are those of `matrix` from `firstColumn` (as many as
 * COMPARE16_FUNCTIONAL_INPUTS names), over the matrix's first `frames` rows.
 */
export interface LevelRows {
  readonly matrix: FeatureMatrix;
  readonly firstColumn: number;
  readonly frames: number;
}

interface LevelUse {
  readonly instance: number;
  /** Where the outputs of the level's first column start. */
  readonly offset: number;
}

/** Per level, the instances that read it and where their outputs for it go. */
const LEVEL_USES = new Map<Compare16FunctionalsLevel, LevelUse[]>();
{
  let offset = 0;
  for (const [instance, { levels, spec }] of INSTANCES.entries()) {
    for (const level of levels) {
      const uses = LEVEL_USES.get(level) ?? [];
      uses.push({ instance, offset });
      LEVEL_USES.set(level, uses);
      offset += COMPARE16_FUNCTIONAL_INPUTS[level].length * outputsPerColumn(spec);
    }
  }
}

/** Columns gathered from a level's rows in one pass (the rows are wide: 110 values at level B). */
const GATHERED_COLUMNS = 8;

/**
 * compare16Functionals of levels read in place (the widths are the caller's to get right). Each
 * column is gathered once, for every instance that reads it.
 */
export function compare16FunctionalsOfLevels(
  levels: Readonly<Record<Compare16FunctionalsLevel, LevelRows>>,
  frameStepSeconds: number,
): Float32Array {
  const frames = INSTANCES.map(({ levels: read }) =>
    Math.min(...read.map((level) => levels[level].frames)),
  );
  for (const instanceFrames of frames) requireFrames(instanceFrames);
  const appliers = INSTANCES.map(({ spec }) => new FunctionalsApplier(spec, frameStepSeconds));
  const out = new Float32Array(COMPARE16_FUNCTIONAL_COLUMNS.length);
  const stride = Math.max(...Object.values(levels).map((rows) => rows.frames));
  const columns = new Float32Array(GATHERED_COLUMNS * stride);
  for (const [level, uses] of LEVEL_USES) {
    const { matrix, firstColumn, frames: levelFrames } = levels[level];
    const width = COMPARE16_FUNCTIONAL_INPUTS[level].length;
    for (let first = 0; first < width; first += GATHERED_COLUMNS) {
      const count = Math.min(GATHERED_COLUMNS, width - first);
      gatherColumns(matrix, firstColumn + first, count, levelFrames, columns, stride);
      for (let k = 0; k < count; k += 1) {
        for (const { instance, offset } of uses) {
          const applier = appliers[instance] as FunctionalsApplier;
          const values = columns.subarray(k * stride, k * stride + (frames[instance] as number));
          applier.apply(values, out, offset + (first + k) * applier.width);
        }
      }
    }
  }
  return out;
}
