// openSMILE's cFunctionalExtremes (src/functionals/functionalExtremes.cpp): maximum, minimum,
// range, the first frame holding the maximum and the minimum, and the arithmetic mean.
import type { FunctionalSeries } from "./functional-series.js";

export const EXTREMES_OUTPUTS = [
  "max",
  "min",
  "range",
  "maxPos",
  "minPos",
  "amean",
  "maxameandist",
  "minameandist",
] as const;

export type ExtremesOutput = (typeof EXTREMES_OUTPUTS)[number];

/**
 * How maxPos and minPos are given: as a frame index (`frame`, openSMILE's default, kept by IS09
 * "for compatibility with old files"), as a share of the segment (`segment`), or in seconds.
 */
export type PositionNorm = "frame" | "segment" | "seconds";

export function extremes(
  series: FunctionalSeries,
  outputs: readonly ExtremesOutput[],
  norm: PositionNorm,
  frameStepSeconds: number,
): number[] {
  const { values, min, max, mean } = series;
  // The first frame equal to each (not `indexOf`: its SameValueZero would not matter here, but the
  // loop states openSMILE's rule).
  let maxPos = -1;
  let minPos = -1;
  for (let i = 0; i < values.length && (maxPos < 0 || minPos < 0); i++) {
    if (maxPos < 0 && values[i] === max) maxPos = i;
    if (minPos < 0 && values[i] === min) minPos = i;
  }
  const position = (index: number) =>
    norm === "segment"
      ? Math.fround(index / values.length)
      : norm === "seconds"
        ? Math.fround(index * Math.fround(frameStepSeconds))
        : index;
  const value: Record<ExtremesOutput, number> = {
    max,
    min,
    range: Math.fround(max - min),
    maxPos: position(maxPos),
    minPos: position(minPos),
    amean: mean,
    maxameandist: Math.fround(max - mean),
    minameandist: Math.fround(mean - min),
  };
  return outputs.map((output) => value[output]);
}
