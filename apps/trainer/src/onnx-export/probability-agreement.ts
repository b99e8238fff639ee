// How closely two runtimes agree on the same windows: the largest absolute difference of any class
// probability, and how many windows get the same top class.
import { EmotionStreamError } from "@emotion-stream/core";

/** The export must reproduce every probability to within this, and every argmax. */
export const PROBABILITY_TOLERANCE = 1e-5;
/** Values per feature row a model may read before its float32 sums get more room. */
const TOLERANCE_ROW_VALUES = 1024;

/**
 * PROBABILITY_TOLERANCE for feature rows of up to 1,024 values, proportionally more beyond: two
 * runtimes summing a first layer's products over a row in different orders round differently, by
 * about the number of terms times float32's epsilon (a 6,373-value ComParE row: 6.2e-5).
 */
export function probabilityTolerance(rowValues: number): number {
  return PROBABILITY_TOLERANCE * Math.max(1, rowValues / TOLERANCE_ROW_VALUES);
}

export interface ProbabilityAgreement {
  readonly windows: number;
  readonly maxAbsDifference: number;
  readonly argmaxAgreements: number;
  /** The largest difference allowed. */
  readonly tolerance: number;
  /** maxAbsDifference <= tolerance and every argmax agrees. */
  readonly passed: boolean;
}

export function compareProbabilities(
  expected: Float32Array,
  actual: Float32Array,
  classCount: number,
  tolerance = PROBABILITY_TOLERANCE,
): ProbabilityAgreement {
  if (expected.length !== actual.length || expected.length % classCount !== 0) {
    throw new EmotionStreamError(
      "LENGTH_MISMATCH",
      `probability blocks differ: ${expected.length} vs ${actual.length} values for ${classCount} classes`,
      { expected: expected.length, received: actual.length },
    );
  }
  const windows = expected.length / classCount;
  let maxAbsDifference = 0;
  let argmaxAgreements = 0;
  for (let window = 0; window < windows; window += 1) {
    const start = window * classCount;
    const expectedRow = expected.subarray(start, start + classCount);
    const actualRow = actual.subarray(start, start + classCount);
    for (let index = 0; index < classCount; index += 1) {
      // NaN must fail, so compare with a form that NaN cannot pass.
      const difference = Math.abs((expectedRow[index] ?? 0) - (actualRow[index] ?? 0));
      maxAbsDifference = Number.isNaN(difference)
        ? Number.POSITIVE_INFINITY
        : Math.max(maxAbsDifference, difference);
    }
    if (argmax(expectedRow) === argmax(actualRow)) argmaxAgreements += 1;
  }
  return {
    windows,
    maxAbsDifference,
    argmaxAgreements,
    tolerance,
    passed: maxAbsDifference <= tolerance && argmaxAgreements === windows,
  };
}

/** Index of the largest value; the first on ties, as tf.argMax and numpy do. */
export function argmax(values: Float32Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index += 1) {
    if ((values[index] ?? 0) > (values[best] ?? 0)) best = index;
  }
  return best;
}
