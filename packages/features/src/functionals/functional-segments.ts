// openSMILE's cFunctionalSegments (src/functionals/functionalSegments.cpp), norm = second, with two
// of its segmentation algorithms:
// - nonX / eqX, the current ones (useOldBuggyChX = 0): a segment is a run of frames whose value
//   differs from X (nonX) or equals it (eqX); it starts after segMinLng = 3 such frames and ends
//   after pauseMinLng = 2 others, both openSMILE's defaults;
// - relTh: a boundary wherever the 3-frame running mean crosses one of the thresholds (shares of
//   the range above the minimum), if more than segMinLng = max(2, ⌊n / maxNumSeg⌋ − 1) frames after
//   the last; each boundary ends a segment, the first counted from −⌊segMinLng / 2⌋. Its window is
//   always 3 frames: openSMILE reads ravgLng (and rangeRelThreshold) for the delta algorithm only.
// Outputs: segments per second, and the mean, longest, shortest and standard deviation of segment
// lengths in seconds, in float32.
import type { FunctionalSeries } from "./functional-series.js";

export const SEGMENTS_OUTPUTS = [
  "numSegments",
  "meanSegLen",
  "maxSegLen",
  "minSegLen",
  "segLenStddev",
] as const;

export type SegmentsOutput = (typeof SEGMENTS_OUTPUTS)[number];

export type SegmentsOptions = {
  readonly outputs: readonly SegmentsOutput[];
  /** Segments beyond this many are ignored (openSMILE: maxNumSeg). */
  readonly maxSegments: number;
} & (
  | {
      /** `nonX`: segments are where the value is not X; `eqX`: where it is X. */
      readonly algorithm: "nonX" | "eqX";
      readonly x: number;
    }
  | {
      readonly algorithm: "relTh";
      /** Each in 0..1, a share of the range above the minimum. */
      readonly thresholds: readonly number[];
    }
);

const SEGMENT_MIN_FRAMES = 3;
const PAUSE_MIN_FRAMES = 2;
const RUNNING_MEAN_FRAMES = 3;

export function segments(
  series: FunctionalSeries,
  options: SegmentsOptions,
  frameStepSeconds: number,
): number[] {
  const found =
    options.algorithm === "relTh"
      ? thresholdSegmentLengths(series, options.thresholds, options.maxSegments)
      : runSegmentLengths(series.values, options.algorithm, options.x);
  const lengths = found.slice(0, options.maxSegments);
  const count = lengths.length;
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const mean = count > 1 ? Math.fround(total / count) : total;
  let deviation = 0;
  for (const length of lengths) {
    const difference = Math.fround(length - mean);
    deviation = Math.fround(deviation + Math.fround(difference * difference));
  }
  deviation = count > 1 ? Math.fround(Math.sqrt(Math.fround(deviation / count))) : 0;
  const period = Math.fround(frameStepSeconds);
  const value: Record<SegmentsOutput, number> = {
    numSegments: Math.fround(count / Math.fround(period * series.values.length)),
    meanSegLen: Math.fround(mean * period),
    maxSegLen: Math.fround(Math.max(0, ...lengths) * period),
    minSegLen: count > 0 ? Math.fround(Math.min(...lengths) * period) : 0,
    segLenStddev: Math.fround(deviation * period),
  };
  return options.outputs.map((output) => value[output]);
}

/**
 * nonX/eqX: openSMILE's state machine, kept as it is: a candidate becomes a segment on its third
 * in-segment frame; a segment's length is counted from its first frame to the frame before the
 * pause that ends it (one frame short of the run's length), and one still open at the end is
 * closed there.
 */
function runSegmentLengths(values: Float32Array, algorithm: "nonX" | "eqX", x: number): number[] {
  const x32 = Math.fround(x);
  const inSegment = (value: number) => (algorithm === "nonX" ? value !== x32 : value === x32);
  const lengths: number[] = [];
  let state: "pause" | "candidate" | "segment" = "pause";
  let start = 0;
  let segmentFrames = 0;
  let pauseFrames = 0;
  for (let i = 0; i < values.length; i++) {
    if (inSegment(values[i] as number)) {
      if (state === "candidate") {
        pauseFrames = 0;
        segmentFrames++;
        if (segmentFrames >= SEGMENT_MIN_FRAMES) {
          segmentFrames = 0;
          state = "segment";
        }
      } else if (state === "pause") {
        segmentFrames++;
        start = i;
        state = "candidate";
      } else {
        pauseFrames = 0;
      }
    } else if (state === "segment") {
      segmentFrames = 0;
      pauseFrames++;
      if (pauseFrames >= PAUSE_MIN_FRAMES) {
        state = "pause";
        lengths.push(i - pauseFrames - start);
        pauseFrames = 0;
      }
    } else if (state === "candidate") {
      pauseFrames++;
      if (pauseFrames >= PAUSE_MIN_FRAMES) {
        state = "pause";
        pauseFrames = 0;
        segmentFrames = 0;
      }
    }
  }
  if (state === "segment") lengths.push(values.length - (pauseFrames + 1) - start);
  return lengths;
}

/**
 * relTh, in float32 as openSMILE runs it: the running sum adds each value and drops the one three
 * frames back (so it carries its rounding along), and the mean before the first frame is 0.
 */
function thresholdSegmentLengths(
  series: FunctionalSeries,
  thresholds: readonly number[],
  maxSegments: number,
): number[] {
  const { values, min, max } = series;
  const range = Math.fround(max - min);
  // A typed array, indexed: levels read per frame must not box (an array of them can hold
  // integers or doubles, from column to column).
  const levels = Float64Array.from(thresholds, (threshold) =>
    Math.fround(min + Math.fround(range * Math.fround(threshold))),
  );
  const minGap = Math.max(2, Math.floor(values.length / maxSegments) - 1);
  const lengths: number[] = [];
  let lastBoundary = -Math.floor(minGap / 2);
  let sum = 0;
  let previousMean = 0;
  for (let i = 0; i < values.length; i++) {
    sum = Math.fround(sum + (values[i] as number));
    if (i >= RUNNING_MEAN_FRAMES) {
      sum = Math.fround(sum - (values[i - RUNNING_MEAN_FRAMES] as number));
    }
    const mean = Math.fround(sum / Math.min(i + 1, RUNNING_MEAN_FRAMES));
    let crosses = false;
    for (let l = 0; l < levels.length; l++) {
      const level = levels[l] as number;
      if ((mean > level && previousMean <= level) || (mean < level && previousMean >= level)) {
        crosses = true;
      }
    }
    previousMean = mean;
    if (crosses && i - lastBoundary > minGap) {
      lengths.push(i - lastBoundary);
      lastBoundary = i;
    }
  }
  return lengths;
}
