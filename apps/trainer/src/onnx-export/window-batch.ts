// A batch of feature windows as one row-major float32 block: count x frames x dimension.
export interface WindowBatch {
  readonly count: number;
  readonly frames: number;
  readonly dimension: number;
  readonly data: Float32Array;
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
