// openSMILE's cFunctionalRegression (src/functionals/functionalRegression.cpp), linear part: the
// least-squares line over the frame index (slope linregc1, offset linregc2) and its mean absolute
// and mean squared error, in double from the float32 values, with openSMILE's closed-form sums.
import type { FunctionalSeries } from "./functional-series.js";

export const REGRESSION_OUTPUTS = ["linregc1", "linregc2", "linregerrA", "linregerrQ"] as const;

export type RegressionOutput = (typeof REGRESSION_OUTPUTS)[number];

export function regression(
  series: FunctionalSeries,
  outputs: readonly RegressionOutput[],
): number[] {
  const { values, mean } = series;
  const n = values.length;
  const asum = mean * n;
  let num = 0;
  for (let i = 0; i < n; i++) num += (values[i] as number) * i;
  let slope = 0;
  let offset = values[0] ?? 0;
  if (n > 1) {
    const nNm1 = n * (n - 1);
    const s1 = nNm1 / 2;
    const s2 = (nNm1 * (2 * n - 1)) / 6;
    const s1ds2 = s1 / s2;
    const denominator = n - s1 * s1ds2;
    offset = denominator === 0 ? 0 : (asum - num * s1ds2) / denominator;
    slope = (num - offset * s1) / s2;
  }
  let absoluteError = 0;
  let squaredError = 0;
  for (let i = 0; i < n; i++) {
    const error = (values[i] as number) - (slope * i + offset);
    absoluteError += Math.abs(error);
    squaredError += error * error;
  }
  const finite = (value: number) => (Number.isFinite(value) ? value : 0);
  const value: Record<RegressionOutput, () => number> = {
    linregc1: () => finite(slope),
    linregc2: () => finite(offset),
    linregerrA: () => finite(absoluteError / n),
    linregerrQ: () => finite(squaredError / n),
  };
  return outputs.map((output) => Math.fround(value[output]()));
}
