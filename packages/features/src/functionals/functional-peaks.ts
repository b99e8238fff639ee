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

/**
 * Extrema in frame order as parallel arrays, the first `count`: kind (1 a maximum, 0 a minimum),
 * frame and value. One list serves every call (they never overlap), grown to the longest series.
 */
class ExtremaList {
  count = 0;
  isMax = new Uint8Array(0);
  frames = new Int32Array(0);
  values = new Float32Array(0);
  removed = new Uint8Array(0);

  /** Empties the list, with room for the extrema of `frames` frames. */
  reset(frames: number): void {
    this.count = 0;
    if (this.isMax.length >= frames) return;
    this.isMax = new Uint8Array(frames);
    this.frames = new Int32Array(frames);
    this.values = new Float32Array(frames);
    this.removed = new Uint8Array(frames);
  }

  push(isMax: boolean, frame: number, value: number): void {
    const { count } = this;
    this.isMax[count] = isMax ? 1 : 0;
    this.frames[count] = frame;
    this.values[count] = value;
    this.removed[count] = 0;
    this.count = count + 1;
  }

  /** Drops the entries marked removed, keeping the order of the others. */
  compact(): void {
    const { isMax, frames, values, removed } = this;
    let kept = 0;
    for (let e = 0; e < this.count; e++) {
      if (removed[e] === 1) continue;
      isMax[kept] = isMax[e] as number;
      frames[kept] = frames[e] as number;
      values[kept] = values[e] as number;
      removed[kept] = 0;
      kept++;
    }
    this.count = kept;
  }
}

const extremaList = new ExtremaList();

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
  const value: Record<PeaksOutput, number> = {
    numPeaks:
      options.norm === "seconds"
        ? Math.fround(stats.peakCount / Math.fround(values.length * period))
        : stats.peakCount,
    meanPeakDist: Math.fround(stats.peakDistance * timeScale),
    peakDistStddev: Math.fround(stats.peakDistanceStddev * timeScale),
    peakRangeAbs: peakRange,
    peakRangeRel: relativeToRange(peakRange),
    peakMeanAbs: stats.peakMean,
    peakMeanMeanDist: Math.fround(stats.peakMean - mean),
    peakMeanRel:
      mean !== 0
        ? ratioLimit(Math.fround(stats.peakMean / mean), RATIO_LIMIT, RATIO_LIMIT)
        : RATIO_CEILING,
    minRangeRel: relativeToRange(minimaRange),
    meanRisingSlope: slopes.rising.mean,
    stddevRisingSlope: slopes.rising.stddev,
    meanFallingSlope: slopes.falling.mean,
    stddevFallingSlope: slopes.falling.stddev,
  };
  return options.outputs.map((output) => value[output]);
}

/** Steps 1-3 of openSMILE's algorithm: every local extremum, then the three pruning passes. */
function prunedExtrema(values: Float32Array, threshold: number): ExtremaList {
  const first = values[0] as number;
  const below = (difference: number) => Math.fround(difference) < threshold;
  const extrema = extremaList;
  extrema.reset(values.length);
  for (let i = 2; i < values.length - 2; i++) {
    const value = values[i] as number;
    const previous = values[i - 1] as number;
    const next = values[i + 1] as number;
    if (value > previous && value > next) extrema.push(true, i, value);
    else if (value < previous && value < next) extrema.push(false, i, value);
  }
  const { isMax, values: extremumValues, removed } = extrema;

  // Drop maxima that rise too little, keeping the higher of close candidates.
  let lastValue = first;
  let lastMin = first;
  let lastMax = first;
  let afterMin = false;
  let lastMaxKept = -1;
  for (let e = 0; e < extrema.count; e++) {
    const value = extremumValues[e] as number;
    if (isMax[e] === 1) {
      if (!below(Math.abs(value - lastValue))) {
        lastMax = value;
        lastMaxKept = e;
        afterMin = false;
      } else if (below(value - lastMin)) {
        removed[e] = 1;
      } else {
        if (value > lastMax * 1.05) {
          if (lastMaxKept >= 0) removed[lastMaxKept] = 1;
          lastMax = value;
          lastMaxKept = e;
        } else if (afterMin) {
          lastMax = value;
          lastMaxKept = e;
        } else {
          removed[e] = 1;
        }
        afterMin = false;
      }
    } else if (!below(Math.abs(value - lastValue))) {
      afterMin = true;
      lastMin = value;
    }
    lastValue = value;
  }
  extrema.compact();

  // Drop minima that fall too little below the maximum before them.
  lastMax = first;
  for (let e = 0; e < extrema.count; e++) {
    const value = extremumValues[e] as number;
    if (isMax[e] === 1) lastMax = value;
    else if (below(lastMax - value)) removed[e] = 1;
  }
  extrema.compact();

  // Make maxima and minima alternate: of a run of one kind keep the highest maximum/lowest minimum.
  let runKept = -1;
  for (let e = 0; e < extrema.count; e++) {
    const value = extremumValues[e] as number;
    if (runKept < 0 || isMax[runKept] !== isMax[e]) {
      runKept = e;
    } else if (
      isMax[e] === 1
        ? value <= (extremumValues[runKept] as number)
        : value >= (extremumValues[runKept] as number)
    ) {
      removed[e] = 1;
    } else {
      removed[runKept] = 1;
      runKept = e;
    }
  }
  extrema.compact();
  return extrema;
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
function extremaStatistics(extrema: ExtremaList): ExtremaStatistics {
  const { isMax, frames, values, count } = extrema;
  let peakCount = 0;
  let minimaCount = 0;
  let peakMean = 0;
  let peakMax = Number.NEGATIVE_INFINITY;
  let peakMin = Number.POSITIVE_INFINITY;
  let minimaMax = Number.NEGATIVE_INFINITY;
  let minimaMin = Number.POSITIVE_INFINITY;
  let peakDistance = 0;
  let lastPeakFrame = 0;
  for (let e = 0; e < count; e++) {
    const value = values[e] as number;
    if (isMax[e] === 1) {
      peakMean = Math.fround(peakMean + value);
      // Math.max and Math.min's rules (NaN, and +0 above -0), value by value.
      peakMax = Math.max(peakMax, value);
      peakMin = Math.min(peakMin, value);
      if (peakCount > 0) {
        peakDistance = Math.fround(peakDistance + ((frames[e] as number) - lastPeakFrame));
      }
      lastPeakFrame = frames[e] as number;
      peakCount++;
    } else {
      minimaMax = Math.max(minimaMax, value);
      minimaMin = Math.min(minimaMin, value);
      minimaCount++;
    }
  }
  const distances = peakCount - 1;
  if (peakCount > 1) {
    peakMean = Math.fround(peakMean / peakCount);
    if (distances > 1) peakDistance = Math.fround(peakDistance / distances);
  }
  // Each peak after the first is measured from the minimum just before it (they alternate).
  let sum = 0;
  let lastMinimumFrame = 0;
  let peaksSeen = 0;
  for (let e = 0; e < count; e++) {
    if (isMax[e] === 0) {
      lastMinimumFrame = frames[e] as number;
    } else if (peaksSeen++ > 0) {
      const difference = Math.fround((frames[e] as number) - lastMinimumFrame - peakDistance);
      sum = Math.fround(sum + Math.fround(difference * difference));
    }
  }
  if (distances > 1) sum = Math.fround(sum / distances);
  return {
    peakCount,
    peakMax: peakCount > 0 ? peakMax : 0,
    peakMin: peakCount > 0 ? peakMin : 0,
    peakMean,
    peakDistance,
    peakDistanceStddev: sum > 0 ? Math.fround(Math.sqrt(sum)) : 0,
    minimaMax: minimaCount > 0 ? minimaMax : 0,
    minimaMin: minimaCount > 0 ? minimaMin : 0,
  };
}

interface SlopeStatistics {
  readonly mean: number;
  readonly stddev: number;
}

function slopeStatistics(
  values: Float32Array,
  extrema: ExtremaList,
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
  let maxFrame = 0;
  let maxValue = first;
  let minFrame = 0;
  let minValue = first;
  let lastIsMax: boolean | undefined;
  for (let e = 0; e < extrema.count; e++) {
    const frame = extrema.frames[e] as number;
    const value = extrema.values[e] as number;
    if (extrema.isMax[e] === 1) {
      maxFrame = frame;
      maxValue = value;
      if (maxFrame > minFrame) {
        rising.push(slope(minValue, maxValue, maxFrame - minFrame));
        lastIsMax = true;
      }
    } else {
      minFrame = frame;
      minValue = value;
      if (minFrame > maxFrame) {
        falling.push(slope(minValue, maxValue, minFrame - maxFrame));
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
  if (lastIsMax === true && lastIndex > maxFrame) {
    fallingTotal = Math.fround(fallingTotal + slope(maxValue, last, lastIndex - maxFrame));
    fallingCount++;
  } else if (lastIsMax === false && lastIndex > minFrame) {
    risingTotal = Math.fround(risingTotal + slope(minValue, last, lastIndex - minFrame));
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
