// Fixed-size input windows over variable-length utterances. A window is a reference (utterance,
// first frame); `copyWindow` materialises it, zero-padding past the utterance's end, so the study's
// crop-or-pad rule, random training crops and sliding evaluation windows share one copy routine.
import { EmotionStreamError, type Random } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";

export interface WindowRef {
  /** Index of the utterance in the list the windows were planned over. */
  readonly item: number;
  readonly start: number;
}

/** The study's window length: the mean frame count of the task's training utterances, rounded. */
export function averageFrameCount(frameCounts: readonly number[]): number {
  if (frameCounts.length === 0) {
    throw new EmotionStreamError("EMPTY_SPLIT", "no training utterances to average frames over");
  }
  const total = frameCounts.reduce((sum, frames) => sum + frames, 0);
  return Math.max(1, Math.round(total / frameCounts.length));
}

/** The study's rule: one window per utterance from its first frame (cropped or zero-padded). */
export function studyWindows(frameCounts: readonly number[]): WindowRef[] {
  return frameCounts.map((_, item) => ({ item, start: 0 }));
}

/** Training crops: `perUtterance` windows per utterance at uniformly random offsets. */
export function randomCropWindows(
  frameCounts: readonly number[],
  windowFrames: number,
  random: Random,
  perUtterance = 1,
): WindowRef[] {
  checkWindow(windowFrames, 1);
  const windows: WindowRef[] = [];
  frameCounts.forEach((frames, item) => {
    const positions = Math.max(1, frames - windowFrames + 1);
    for (let n = 0; n < perUtterance; n++)
      windows.push({ item, start: random.integer(0, positions - 1) });
  });
  return windows;
}

/**
 * Evaluation windows every `hop` frames; a last window aligned to the end covers any tail the
 * hops miss, and an utterance shorter than the window yields one zero-padded window.
 */
export function slidingWindows(
  frameCounts: readonly number[],
  windowFrames: number,
  hop: number,
): WindowRef[] {
  checkWindow(windowFrames, hop);
  const windows: WindowRef[] = [];
  frameCounts.forEach((frames, item) => {
    const lastStart = Math.max(0, frames - windowFrames);
    for (let start = 0; start <= lastStart; start += hop) windows.push({ item, start });
    if (lastStart % hop !== 0) windows.push({ item, start: lastStart });
  });
  return windows;
}

/** Writes `windowFrames` rows of `matrix` from `start` into `target` at `offset`, zeros past the end. */
export function copyWindow(
  matrix: FeatureMatrix,
  start: number,
  windowFrames: number,
  target: Float32Array,
  offset: number,
): void {
  const { dimension } = matrix;
  const available = Math.max(0, Math.min(windowFrames, matrix.frames - start));
  const from = start * dimension;
  target.set(matrix.data.subarray(from, from + available * dimension), offset);
  target.fill(0, offset + available * dimension, offset + windowFrames * dimension);
}

function checkWindow(windowFrames: number, hop: number): void {
  const valid = (value: number) => Number.isInteger(value) && value > 0;
  if (!valid(windowFrames) || !valid(hop)) {
    throw new EmotionStreamError(
      "BAD_WINDOW",
      "window and hop must be positive integers (frames)",
      {
        value: `${windowFrames}/${hop}`,
      },
    );
  }
}
