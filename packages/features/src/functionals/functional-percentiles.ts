// openSMILE's cFunctionalPercentiles (src/functionals/functionalPercentiles.cpp) with interp = 1:
// each percentile p linearly interpolated between the two sorted values around p·(n − 1), in
// float32 as openSMILE computes them. Its outputs in its order: the quartiles, the inter-quartile
// ranges (q2 − q1, q3 − q2, q3 − q1, signed), the percentiles, then each percentile range as
// |percentile[b] − percentile[a]|.

import type { FunctionalSeries } from "./functional-series.js";
import { orderStatistics } from "./order-statistics.js";

export interface PercentilesOptions {
  /** openSMILE's `quartiles = 1`: quartile1, quartile2, quartile3. */
  readonly quartiles?: boolean;
  /** openSMILE's `iqr = 1`: iqr1-2, iqr2-3, iqr1-3. */
  readonly iqr?: boolean;
  /** Each p in 0..1, in output order. */
  readonly percentiles: readonly number[];
  /** Index pairs [a, b] into `percentiles`, openSMILE's `pctlrange[i] = a-b`. */
  readonly ranges: readonly (readonly [number, number])[];
}

const QUARTILES = [0.25, 0.5, 0.75] as const;

/** `quartile1`, …, `iqr1-3`, `percentile1.0`, …, `pctlrange0-1`, as openSMILE names them. */
export function percentilesOutputNames(options: PercentilesOptions): string[] {
  return [
    ...(options.quartiles === true ? ["quartile1", "quartile2", "quartile3"] : []),
    ...(options.iqr === true ? ["iqr1-2", "iqr2-3", "iqr1-3"] : []),
    // openSMILE prints p·100 with `%.1f`.
    ...options.percentiles.map((p) => `percentile${(p * 100).toFixed(1)}`),
    ...options.ranges.map(([a, b]) => `pctlrange${a}-${b}`),
  ];
}

export function percentiles(series: FunctionalSeries, options: PercentilesOptions): number[] {
  const n = series.values.length;
  const ranks = [...QUARTILES, ...options.percentiles].flatMap((p) => [
    Math.floor(p * (n - 1)),
    Math.ceil(p * (n - 1)),
  ]);
  const sorted = orderStatistics(series.values, ranks);
  const [q1, q2, q3] = QUARTILES.map((p) => interpolatedPercentile(sorted, p)) as [
    number,
    number,
    number,
  ];
  const values = options.percentiles.map((p) => interpolatedPercentile(sorted, p));
  const ranges = options.ranges.map(([a, b]) =>
    Math.abs(Math.fround((values[b] as number) - (values[a] as number))),
  );
  return [
    ...(options.quartiles === true ? [q1, q2, q3] : []),
    ...(options.iqr === true
      ? [Math.fround(q2 - q1), Math.fround(q3 - q2), Math.fround(q3 - q1)]
      : []),
    ...values,
    ...ranges,
  ];
}

function interpolatedPercentile(sorted: Float32Array, p: number): number {
  const n = sorted.length;
  const position = p * (n - 1);
  const lower = Math.min(Math.max(Math.floor(position), 0), n - 1);
  const upper = Math.min(Math.max(Math.ceil(position), 0), n - 1);
  const below = sorted[lower] as number;
  if (lower === upper) return below;
  const above = sorted[upper] as number;
  const weightAbove = Math.fround(position - lower);
  const weightBelow = Math.fround(upper - position);
  return Math.fround(Math.fround(below * weightBelow) + Math.fround(above * weightAbove));
}
