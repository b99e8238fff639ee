// A batch of feature windows as one row-major float32 block: count x frames x dimension.
import { EmotionStreamError } from "@emotion-stream/core";

export interface WindowBatch {
  readonly count: number;
  readonly frames: number;
  readonly dimension: number;
  readonly data: Float32Array;
}

export function createWindowBatch(
  data: Float32Array,
  count: number,
  frames: number,
  dimension: number,
): WindowBatch {
  if (data.length !== count * frames * dimension) {
    throw new EmotionStreamError(
      "LENGTH_MISMATCH",
      `a batch of ${count} windows of ${frames} x ${dimension} needs ${count * frames * dimension} values`,
      { expected: count * frames * dimension, received: data.length },
    );
  }
  return { count, frames, dimension, data };
}

/** Windows [start, start + count) of `batch`, sharing its memory. */
export function sliceWindowBatch(batch: WindowBatch, start: number, count: number): WindowBatch {
  const windowSize = batch.frames * batch.dimension;
  const end = Math.min(start + count, batch.count);
  return {
    ...batch,
    count: end - start,
    data: batch.data.subarray(start * windowSize, end * windowSize),
  };
}
