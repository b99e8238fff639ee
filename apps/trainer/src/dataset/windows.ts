// A window's values: core's window rule names each window (utterance, first frame) and
// `copyWindow` materialises it, zero-padding past the utterance's end, so the study's crop-or-pad
// windows and fixed sliding windows share one copy routine.
import type { FeatureMatrix } from "@emotion-stream/features";

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
