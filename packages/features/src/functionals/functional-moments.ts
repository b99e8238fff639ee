// openSMILE's cFunctionalMoments (src/functionals/functionalMoments.cpp): variance, standard
// deviation, skewness and kurtosis about the (float32) mean, population moments in double; 0 for a
// constant series. Kurtosis is m4 / m2², not the excess. stddevNorm is its `stddevNorm = 2`
// (compatible) coefficient of variation: stddev / mean with the mean's sign, stddev alone when the
// mean is 0, and no ratio limit (doRatioLimit = 0, the default).
import type { FunctionalSeries } from "./functional-series.js";

export const MOMENTS_OUTPUTS = [
  "variance",
  "stddev",
  "skewness",
  "kurtosis",
  "amean",
  "stddevNorm",
] as const;

export type MomentsOutput = (typeof MOMENTS_OUTPUTS)[number];

export function moments(series: FunctionalSeries, outputs: readonly MomentsOutput[]): number[] {
  const { values, mean } = series;
  const n = values.length;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    let power = d * d;
    m2 += power;
    power *= d;
    m3 += power;
    m4 += power * d;
  }
  m2 /= n;
  const sd = Math.sqrt(m2);
  const value: Record<MomentsOutput, number> = {
    variance: m2,
    stddev: m2 > 0 ? sd : 0,
    skewness: m2 > 0 ? m3 / (n * m2 * sd) : 0,
    kurtosis: m2 > 0 ? m4 / (n * m2 * m2) : 0,
    amean: mean,
    stddevNorm: m2 > 0 ? sd / (mean === 0 ? 1 : mean) : 0,
  };
  return outputs.map((output) => Math.fround(value[output]));
}
