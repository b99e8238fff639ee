// openSMILE's cFunctionalSegments (src/functionals/functionalSegments.cpp), its current nonX and eqX
// algorithms (useOldBuggyChX = 0): a segment is a run of frames whose value differs from X (nonX)
// or equals it (eqX); it starts after segMinLng = 3 such frames and ends after pauseMinLng = 2
// others, both openSMILE's defaults. Outputs in seconds (norm = second): segments per second, and
// the mean and standard deviation of segment lengths, in float32.
import type { FunctionalSeries } from "./functional-series.js";

export const SEGMENTS_OUTPUTS = ["numSegments", "meanSegLen", "segLenStddev"] as const;

export type SegmentsOutput = (typeof SEGMENTS_OUTPUTS)[number];

export interface SegmentsOptions {
  readonly outputs: readonly SegmentsOutput[];
  /** `nonX`: segments are where the value is not X; `eqX`: where it is X. */
  readonly algorithm: "nonX" | "eqX";
  readonly x: number;
  /** Segments beyond this many are ignored (openSMILE: maxNumSeg). */
  readonly maxSegments: number;
}

const SEGMENT_MIN_FRAMES = 3;
const PAUSE_MIN_FRAMES = 2;

export function segments(
  series: FunctionalSeries,
  options: SegmentsOptions,
  frameStepSeconds: number,
): number[] {
  const lengths = segmentLengths(series.values, options);
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
  const value: Record<SegmentsOutput, () => number> = {
    numSegments: () => Math.fround(count / Math.fround(period * series.values.length)),
    meanSegLen: () => Math.fround(mean * period),
    segLenStddev: () => Math.fround(deviation * period),
  };
  return options.outputs.map((output) => value[output]());
}

/**
 * openSMILE's state machine, kept as it is: a candidate becomes a segment on its third in-segment
 * frame; a segment's length is counted from its first frame to the frame before the pause that
 * ends it (one frame short of the run's length), and one still open at the end is closed there.
 */
function segmentLengths(values: Float32Array, options: SegmentsOptions): number[] {
  const x = Math.fround(options.x);
  const inSegment = (value: number) => (options.algorithm === "nonX" ? value !== x : value === x);
  const lengths: number[] = [];
  const add = (end: number, start: number) => {
    if (lengths.length < options.maxSegments) lengths.push(end - start);
  };
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
        add(i - pauseFrames, start);
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
  if (state === "segment") add(values.length - (pauseFrames + 1), start);
  return lengths;
}
