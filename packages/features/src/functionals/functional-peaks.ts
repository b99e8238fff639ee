// openSMILE's cFunctionalPeaks2 (src/functionals/functionalPeaks2.cpp): local maxima and minima of
// frames 2..n−3, pruned by a minimum rise/fall of relThreshold·range and forced to alternate; then
// the peak count and the slopes between consecutive extrema (value change per second). Reproduced
// in float32 with its quirks: the input's first value stands in as the extremum before the first
// one, the slope from the last extremum to the last frame enters the means but not the standard
// deviations (so a "falling" slope may be negative), and a contour with no extremum gets
// (last − first) / n, not divided by the frame period.
import type { FunctionalSeries } from "./functional-series.js";

export const PEAKS_OUTPUTS = [
  "numPeaks",
  "meanRisingSlope",
  "stddevRisingSlope",
  "meanFallingSlope",
  "stddevFallingSlope",
] as const;

export type PeaksOutput = (typeof PEAKS_OUTPUTS)[number];

export interface PeaksOptions {
  readonly outputs: readonly PeaksOutput[];
  /** Minimum rise/fall between extrema as a share of the contour's range (openSMILE: relThresh). */
  readonly relThreshold: number;
  /** numPeaks per second (`seconds`) or as a count (`frame`). */
  readonly norm: "seconds" | "frame";
}

interface Extremum {
  readonly isMax: boolean;
  readonly frame: number;
  readonly value: number;
  removed: boolean;
}

export function peaks(
  series: FunctionalSeries,
  options: PeaksOptions,
  frameStepSeconds: number,
): number[] {
  const { values, min, max } = series;
  const threshold = Math.fround(Math.fround(options.relThreshold) * Math.fround(max - min));
  const extrema = prunedExtrema(values, threshold);
  const period = Math.fround(frameStepSeconds);
  const slopes = slopeStatistics(values, extrema, period);
  const peakCount = extrema.filter((extremum) => extremum.isMax).length;
  const value: Record<PeaksOutput, () => number> = {
    numPeaks: () =>
      options.norm === "seconds"
        ? Math.fround(peakCount / Math.fround(values.length * period))
        : peakCount,
    meanRisingSlope: () => slopes.rising.mean,
    stddevRisingSlope: () => slopes.rising.stddev,
    meanFallingSlope: () => slopes.falling.mean,
    stddevFallingSlope: () => slopes.falling.stddev,
  };
  return options.outputs.map((output) => value[output]());
}

/** Steps 1-3 of openSMILE's algorithm: every local extremum, then the three pruning passes. */
function prunedExtrema(values: Float32Array, threshold: number): Extremum[] {
  const first = values[0] as number;
  const below = (difference: number) => Math.fround(difference) < threshold;
  let extrema: Extremum[] = [];
  for (let i = 2; i < values.length - 2; i++) {
    const value = values[i] as number;
    const previous = values[i - 1] as number;
    const next = values[i + 1] as number;
    if (value > previous && value > next)
      extrema.push({ isMax: true, frame: i, value, removed: false });
    else if (value < previous && value < next) {
      extrema.push({ isMax: false, frame: i, value, removed: false });
    }
  }

  // Drop maxima that rise too little, keeping the higher of close candidates.
  let lastValue = first;
  let lastMin = first;
  let lastMax = first;
  let afterMin = false;
  let lastMaxKept: Extremum | undefined;
  for (const extremum of extrema) {
    const { value } = extremum;
    if (extremum.isMax) {
      if (!below(Math.abs(value - lastValue))) {
        lastMax = value;
        lastMaxKept = extremum;
        afterMin = false;
      } else if (below(value - lastMin)) {
        extremum.removed = true;
      } else {
        if (value > lastMax * 1.05) {
          if (lastMaxKept !== undefined) lastMaxKept.removed = true;
          lastMax = value;
          lastMaxKept = extremum;
        } else if (afterMin) {
          lastMax = value;
          lastMaxKept = extremum;
        } else {
          extremum.removed = true;
        }
        afterMin = false;
      }
    } else if (!below(Math.abs(value - lastValue))) {
      afterMin = true;
      lastMin = value;
    }
    lastValue = value;
  }
  extrema = extrema.filter((extremum) => !extremum.removed);

  // Drop minima that fall too little below the maximum before them.
  lastMax = first;
  for (const extremum of extrema) {
    if (extremum.isMax) lastMax = extremum.value;
    else if (below(lastMax - extremum.value)) extremum.removed = true;
  }
  extrema = extrema.filter((extremum) => !extremum.removed);

  // Make maxima and minima alternate: of a run of one kind keep the highest maximum/lowest minimum.
  let runKept: Extremum | undefined;
  for (const extremum of extrema) {
    if (runKept === undefined || runKept.isMax !== extremum.isMax) {
      runKept = extremum;
    } else if (extremum.isMax ? extremum.value <= runKept.value : extremum.value >= runKept.value) {
      extremum.removed = true;
    } else {
      runKept.removed = true;
      runKept = extremum;
    }
  }
  return extrema.filter((extremum) => !extremum.removed);
}

interface SlopeStatistics {
  readonly mean: number;
  readonly stddev: number;
}

function slopeStatistics(
  values: Float32Array,
  extrema: readonly Extremum[],
  period: number,
): { rising: SlopeStatistics; falling: SlopeStatistics } {
  const first = values[0] as number;
  const lastIndex = values.length - 1;
  const last = values[lastIndex] as number;
  const slope = (from: number, to: number, frames: number) =>
    Math.fround(Math.fround(to - from) / Math.fround(frames * period));
  // Slopes between consecutive extrema, from the first value (taken as both a max and a min at 0).
  const rising: number[] = [];
  const falling: number[] = [];
  let max = { frame: 0, value: first };
  let min = { frame: 0, value: first };
  let lastIsMax: boolean | undefined;
  for (const extremum of extrema) {
    if (extremum.isMax) {
      max = extremum;
      if (max.frame > min.frame) {
        rising.push(slope(min.value, max.value, max.frame - min.frame));
        lastIsMax = true;
      }
    } else {
      min = extremum;
      if (min.frame > max.frame) {
        falling.push(slope(min.value, max.value, min.frame - max.frame));
        lastIsMax = false;
      }
    }
  }
  const risingSum = floatSum(rising);
  const fallingSum = floatSum(falling);
  let risingTotal = risingSum;
  let fallingTotal = fallingSum;
  let risingCount = rising.length;
  let fallingCount = falling.length;
  if (lastIsMax === true && lastIndex > max.frame) {
    fallingTotal = Math.fround(fallingTotal + slope(max.value, last, lastIndex - max.frame));
    fallingCount++;
  } else if (lastIsMax === false && lastIndex > min.frame) {
    risingTotal = Math.fround(risingTotal + slope(min.value, last, lastIndex - min.frame));
    risingCount++;
  } else if (lastIsMax === undefined) {
    const overall = Math.fround(Math.fround(last - first) / values.length);
    if (overall > 0) {
      risingTotal = overall;
      risingCount = 1;
    } else if (overall < 0) {
      fallingTotal = overall;
      fallingCount = 1;
    }
  }
  const risingMean = risingCount > 1 ? Math.fround(risingTotal / risingCount) : risingTotal;
  const fallingMean = fallingCount > 1 ? Math.fround(fallingTotal / fallingCount) : fallingTotal;
  return {
    rising: { mean: risingMean, stddev: deviation(rising, risingMean, risingCount) },
    falling: { mean: fallingMean, stddev: deviation(falling, fallingMean, fallingCount) },
  };
}

function floatSum(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum = Math.fround(sum + value);
  return sum;
}

/** openSMILE divides by the count of slopes in the mean, which may include the end slope. */
function deviation(slopes: readonly number[], mean: number, count: number): number {
  let sum = 0;
  for (const slope of slopes) {
    const difference = Math.fround(slope - mean);
    sum = Math.fround(sum + Math.fround(difference * difference));
  }
  if (count > 1) sum = Math.fround(sum / count);
  return sum > 0 ? Math.fround(Math.sqrt(sum)) : 0;
}
