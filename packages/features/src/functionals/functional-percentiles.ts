// openSMILE's cFunctionalPercentiles (src/functionals/functionalPercentiles.cpp) with interp = 1:
// each percentile p linearly interpolated between the two sorted values around p·(n − 1), and each
// percentile range as |percentile[b] − percentile[a]|, all in float32 as openSMILE computes them.
import type { FunctionalSeries } from "./functional-series.js";

export interface PercentilesOptions {
  /** Each p in 0..1, in output order. */
  readonly percentiles: readonly number[];
  /** Index pairs [a, b] into `percentiles`, openSMILE's `pctlrange[i] = a-b`. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** `percentile20.0`, …, `pctlrange0-2`, as openSMILE names them (`%.1f` of p·100). */
export function percentilesOutputNames(options: PercentilesOptions): string[] {
  return [
    ...options.percentiles.map((p) => `percentile${(p * 100).toFixed(1)}`),
    ...options.ranges.map(([a, b]) => `pctlrange${a}-${b}`),
  ];
}

export function percentiles(series: FunctionalSeries, options: PercentilesOptions): number[] {
  const sorted = Float32Array.from(series.values).sort();
  const values = options.percentiles.map((p) => interpolatedPercentile(sorted, p));
  const ranges = options.ranges.map(([a, b]) =>
    Math.abs(Math.fround((values[b] as number) - (values[a] as number))),
  );
  return [...values, ...ranges];
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
