// openSMILE's cFunctionalMeans (src/functionals/functionalMeans.cpp), the outputs ComParE uses, in
// its output order: the arithmetic mean (cFunctionals' float32 one), the count of non-zero values
// (a share of the frames with norm `segment`, a count with `frame`, per second with `seconds`), the
// flatness (geometric mean of the non-zero |values| over the mean |value|; 1 when all are 0), the
// mean of the positive values (0 if none) and the root of the mean square, summed in double.
import type { PositionNorm } from "./functional-extremes.js";
import type { FunctionalSeries } from "./functional-series.js";

export const MEANS_OUTPUTS = ["amean", "nnz", "flatness", "posamean", "rqmean"] as const;

export type MeansOutput = (typeof MEANS_OUTPUTS)[number];

export interface MeansOptions {
  readonly outputs: readonly MeansOutput[];
  /** How nnz is given. */
  readonly norm: PositionNorm;
}

export function means(
  series: FunctionalSeries,
  options: MeansOptions,
  frameStepSeconds: number,
): number[] {
  const { values, mean } = series;
  const n = values.length;
  let absoluteSum = 0;
  let squareSum = 0;
  let logSum = 0;
  let nonZero = 0;
  let positiveSum = 0;
  let positives = 0;
  // Indexed: a for-of over a typed array boxes each value.
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    absoluteSum += Math.abs(value);
    squareSum += value * value;
    if (value !== 0) {
      logSum += Math.log(Math.abs(value));
      nonZero++;
    }
    if (value > 0) {
      positiveSum += value;
      positives++;
    }
  }
  const absoluteMean = absoluteSum / n;
  const geometricMean = nonZero > 0 ? Math.exp(logSum / nonZero) : 0;
  const value: Record<MeansOutput, number> = {
    amean: mean,
    nnz:
      options.norm === "segment"
        ? Math.fround(nonZero / n)
        : options.norm === "seconds"
          ? Math.fround(nonZero / Math.fround(frameStepSeconds))
          : nonZero,
    flatness: absoluteMean !== 0 ? Math.fround(geometricMean / absoluteMean) : 1,
    posamean: positives > 0 ? Math.fround(positiveSum / positives) : 0,
    rqmean: Math.fround(Math.sqrt(squareSum / n)),
  };
  return options.outputs.map((output) => value[output]);
}
