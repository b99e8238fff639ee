// openSMILE's cFunctionalRegression (src/functionals/functionalRegression.cpp): the least-squares
// line (slope linregc1, offset linregc2) and parabola (qregc1 t² + qregc2 t + qregc3) over the frame
// index t, their mean absolute and mean squared errors, and the temporal centroid, in double from the
// float32 values with openSMILE's closed-form sums. Its options, openSMILE's defaults when absent:
// doRatioLimit soft-limits the slope and the parabola's a and b (rounding them to float32 on the
// way), normRegCoeff rescales them per segment or per second, normInputs maps the values to 0..1 by
// the range (offsets and errors too), oldBuggyQerr leaves the parabola's errors summed rather than
// averaged. The centroid is the |value|-weighted (centroidUseAbsValues) mean frame index over the
// frame count (centroidNorm = segment, the only one reproduced), soft-limited to the frame count.
import type { FunctionalSeries } from "./functional-series.js";
import { ratioLimit } from "./ratio-limit.js";

export const REGRESSION_OUTPUTS = [
  "linregc1",
  "linregc2",
  "linregerrA",
  "linregerrQ",
  "qregc1",
  "qregc2",
  "qregc3",
  "qregerrA",
  "qregerrQ",
  "centroid",
] as const;

export type RegressionOutput = (typeof REGRESSION_OUTPUTS)[number];

export interface RegressionOptions {
  readonly outputs: readonly RegressionOutput[];
  /** openSMILE's normRegCoeff 0 (per frame, default), 1 (per segment), 2 (per second). */
  readonly normRegCoeff?: "frame" | "segment" | "seconds";
  readonly normInputs?: boolean;
  readonly doRatioLimit?: boolean;
  /** Default true. */
  readonly oldBuggyQerr?: boolean;
  /** Default true. */
  readonly centroidUseAbsValues?: boolean;
  /** Default true. */
  readonly centroidRatioLimit?: boolean;
}

const QUADRATIC_OUTPUTS: readonly RegressionOutput[] = [
  "qregc1",
  "qregc2",
  "qregc3",
  "qregerrA",
  "qregerrQ",
];

export function regression(
  series: FunctionalSeries,
  options: RegressionOptions,
  frameStepSeconds: number,
): number[] {
  const {
    outputs,
    normRegCoeff = "frame",
    normInputs = false,
    doRatioLimit = false,
    oldBuggyQerr = true,
    centroidUseAbsValues = true,
    centroidRatioLimit = true,
  } = options;
  const { values, min, max, mean } = series;
  const n = values.length;
  let range = Math.fround(max - min);
  let rangeInv = 0;
  if (range <= 0) range = 1;
  else rangeInv = 1 / range;
  const asum = mean * n;
  let num = 0;
  let num2 = 0;
  let absoluteSum = 0;
  let absoluteNum = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    const weighted = value * i;
    num += weighted;
    num2 += weighted * i;
    absoluteSum += Math.abs(value);
    absoluteNum += Math.abs(value) * i;
  }

  let centroid = centroidUseAbsValues
    ? absoluteSum !== 0
      ? absoluteNum / absoluteSum
      : 0
    : asum !== 0
      ? num / asum
      : 0;
  if (centroidRatioLimit) {
    centroid = ratioLimit(Math.fround(centroid), Math.fround(n), Math.fround(n));
  }
  centroid /= n;

  const quadratic = outputs.some((output) => QUADRATIC_OUTPUTS.includes(output));
  let slope = 0;
  let offset = values[0] ?? 0;
  let a = 0;
  let b = 0;
  let c = offset;
  if (n > 1) {
    const nNm1 = n * (n - 1);
    const s1 = nNm1 / 2;
    const s2 = (nNm1 * (2 * n - 1)) / 6;
    const s1ds2 = s1 / s2;
    const denominator = n - s1 * s1ds2;
    offset = denominator === 0 ? 0 : (asum - num * s1ds2) / denominator;
    slope = (num - offset * s1) / s2;
    if (quadratic) ({ a, b, c } = parabola(n, s1, s2, num2, num, asum));
  }

  let absoluteError = 0;
  let squaredError = 0;
  let absoluteErrorQ = 0;
  let squaredErrorQ = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    let error = value - (slope * i + offset);
    if (normInputs) error *= rangeInv;
    absoluteError += Math.abs(error);
    squaredError += error * error;
    if (quadratic) {
      let errorQ = value - (a * i * i + b * i + c);
      if (normInputs) errorQ *= rangeInv;
      absoluteErrorQ += Math.abs(errorQ);
      squaredErrorQ += errorQ * errorQ;
    }
  }

  if (doRatioLimit) {
    const limit = range / 10;
    const limitA = Math.sqrt(range / 10);
    slope = ratioLimit(Math.fround(slope), Math.fround(limit), Math.fround(limit + 0.01));
    a = ratioLimit(Math.fround(a), Math.fround(limitA), Math.fround(limitA + 0.01));
    b = ratioLimit(Math.fround(b), Math.fround(limit), Math.fround(limit + 0.01));
  }
  const scale =
    normRegCoeff === "segment" ? n - 1 : normRegCoeff === "seconds" ? 1 / frameStepSeconds : 1;
  if (normRegCoeff !== "frame") {
    slope *= scale;
    a *= scale * scale;
    b *= scale;
  }
  if (normInputs) {
    slope *= rangeInv;
    offset = (offset - min) * rangeInv;
    a *= rangeInv;
    b *= rangeInv;
    c = (c - min) * rangeInv;
  }

  const finite = (value: number) => (Number.isFinite(value) ? value : 0);
  const quadraticDivisor = oldBuggyQerr ? 1 : n;
  const value: Record<RegressionOutput, number> = {
    linregc1: finite(slope),
    linregc2: finite(offset),
    linregerrA: finite(absoluteError / n),
    linregerrQ: finite(squaredError / n),
    qregc1: finite(a),
    qregc2: finite(b),
    qregc3: finite(c),
    qregerrA: Number.isFinite(absoluteErrorQ / n) ? absoluteErrorQ / quadraticDivisor : 0,
    qregerrQ: Number.isFinite(squaredErrorQ / n) ? squaredErrorQ / quadraticDivisor : 0,
    centroid: finite(centroid),
  };
  return outputs.map((output) => Math.fround(value[output]));
}

/** openSMILE's normal equations for a t² + b t + c over t = 0..n−1, solved by Cramer's rule. */
function parabola(n: number, s1: number, s2: number, num2: number, num: number, asum: number) {
  const s3 = s1 * s1;
  const nm1 = n - 1;
  const s4 = (s2 * (3 * (nm1 * nm1 + nm1) - 1)) / 5;
  const s3s3 = s3 * s3;
  const s2s2 = s2 * s2;
  const s1s2 = s1 * s2;
  const s1s1 = s3;
  const det = s4 * s2 * n + 2 * s3 * s1s2 - s2s2 * s2 - s3s3 * n - s1s1 * s4;
  if (det === 0) return { a: 0, b: 0, c: 0 };
  return {
    a: ((s2 * n - s1s1) * num2 + (s1s2 - s3 * n) * num + (s3 * s1 - s2s2) * asum) / det,
    b: ((s1s2 - s3 * n) * num2 + (s4 * n - s2s2) * num + (s3 * s2 - s4 * s1) * asum) / det,
    c: ((s3 * s1 - s2s2) * num2 + (s3 * s2 - s4 * s1) * num + (s4 * s2 - s3s3) * asum) / det,
  };
}
