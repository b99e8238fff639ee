// openSMILE's cFunctionalPeaks2 (src/functionals/functionalPeaks2.cpp): local maxima and minima of
// frames 2..n−3, pruned by a minimum rise/fall of relThreshold·range and forced to alternate; then
// the peak count, the distances between peaks, the peaks' range and mean, the minima's range, and
// the slopes between consecutive extrema (value change per second). Reproduced in float32 with its
// quirks: the input's first value stands in as the extremum before the first one, the slope from
// the last extremum to the last frame enters the means but not the standard deviations (so a
// "falling" slope may be negative), a contour with no extremum gets (last − first) / n, not divided
// by the frame period, and the standard deviation of the peak distances measures each distance from
// the minimum before the peak, not from the peak before. Ratios are soft-limited (doRatioLimit = 1,
// openSMILE's default).
import type { FunctionalSeries } from "./functional-series.js";
import { ratioLimit } from "./ratio-limit.js";

export const PEAKS_OUTPUTS = [
  "numPeaks",
  "meanPeakDist",
  "peakDistStddev",
  "peakRangeAbs",
  "peakRangeRel",
  "peakMeanAbs",
  "peakMeanMeanDist",
  "peakMeanRel",
  "minRangeRel",
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
  /** numPeaks per second and peak distances in seconds (`seconds`), or counts and frames (`frame`). */
  readonly norm: "seconds" | "frame";
}

interface Extremum {
  readonly isMax: boolean;
  readonly frame: number;
  readonly value: number;
  removed: boolean;
}

// peakMeanRel is soft-limited beyond ±10 towards ±20 (smileMath_ratioLimit(x, 10, 10)); openSMILE
// gives the ceiling, 20, when the mean is 0.
const RATIO_LIMIT = 10;
const RATIO_CEILING = 2 * RATIO_LIMIT;

export function peaks(
  series: FunctionalSeries,
  options: PeaksOptions,
  frameStepSeconds: number,
): number[] {
  const { values, min, max, mean } = series;
  const range = Math.fround(max - min);
  const threshold = Math.fround(Math.fround(options.relThreshold) * range);
  const extrema = prunedExtrema(values, threshold);
  const period = Math.fround(frameStepSeconds);
  const timeScale = options.norm === "seconds" ? period : 1;
  const slopes = slopeStatistics(values, extrema, period);
  const stats = extremaStatistics(extrema);
  const peakRange = Math.fround(stats.peakMax - stats.peakMin);
  const minimaRange = Math.fround(stats.minimaMax - stats.minimaMin);
  // Shares of the range are clipped to 1 (ratioLimitUnity), and are the difference itself at range 0.
  const relativeToRange = (difference: number) =>
    range !== 0 ? Math.min(Math.abs(Math.fround(difference / range)), 1) : difference;
  const value: Record<PeaksOutput, () => number> = {
    numPeaks: () =>
      options.norm === "seconds"
        ? Math.fround(stats.peakCount / Math.fround(values.length * period))
        : stats.peakCount,
    meanPeakDist: () => Math.fround(stats.peakDistance * timeScale),
    peakDistStddev: () => Math.fround(stats.peakDistanceStddev * timeScale),
    peakRangeAbs: () => peakRange,
    peakRangeRel: () => relativeToRange(peakRange),
    peakMeanAbs: () => stats.peakMean,
    peakMeanMeanDist: () => Math.fround(stats.peakMean - mean),
    peakMeanRel: () =>
      mean !== 0
        ? ratioLimit(Math.fround(stats.peakMean / mean), RATIO_LIMIT, RATIO_LIMIT)
        : RATIO_CEILING,
    minRangeRel: () => relativeToRange(minimaRange),
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

interface ExtremaStatistics {
  readonly peakCount: number;
  readonly peakMax: number;
  readonly peakMin: number;
  readonly peakMean: number;
  /** In frames. */
  readonly peakDistance: number;
  readonly peakDistanceStddev: number;
  readonly minimaMax: number;
  readonly minimaMin: number;
}

/** openSMILE's two passes over the pruned list (all 0 where there is no peak or no minimum). */
function extremaStatistics(extrema: readonly Extremum[]): ExtremaStatistics {
  const peaks = extrema.filter((extremum) => extremum.isMax);
  const minima = extrema.filter((extremum) => !extremum.isMax);
  const peakValues = peaks.map((peak) => peak.value);
  const minimaValues = minima.map((minimum) => minimum.value);
  let peakMean = floatSum(peakValues);
  let peakDistance = 0;
  for (let i = 1; i < peaks.length; i++) {
    const distance = (peaks[i] as Extremum).frame - (peaks[i - 1] as Extremum).frame;
    peakDistance = Math.fround(peakDistance + distance);
  }
  const distances = peaks.length - 1;
  if (peaks.length > 1) {
    peakMean = Math.fround(peakMean / peaks.length);
    if (distances > 1) peakDistance = Math.fround(peakDistance / distances);
  }
  // Each peak after the first is measured from the minimum just before it (they alternate).
  let sum = 0;
  let lastMinimumFrame = 0;
  let peaksSeen = 0;
  for (const extremum of extrema) {
    if (!extremum.isMax) {
      lastMinimumFrame = extremum.frame;
    } else if (peaksSeen++ > 0) {
      const difference = Math.fround(extremum.frame - lastMinimumFrame - peakDistance);
      sum = Math.fround(sum + Math.fround(difference * difference));
    }
  }
  if (distances > 1) sum = Math.fround(sum / distances);
  return {
    peakCount: peaks.length,
    peakMax: peakValues.length > 0 ? Math.max(...peakValues) : 0,
    peakMin: peakValues.length > 0 ? Math.min(...peakValues) : 0,
    peakMean,
    peakDistance,
    peakDistanceStddev: sum > 0 ? Math.fround(Math.sqrt(sum)) : 0,
    minimaMax: minimaValues.length > 0 ? Math.max(...minimaValues) : 0,
    minimaMin: minimaValues.length > 0 ? Math.min(...minimaValues) : 0,
  };
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
