// Frame-level features as one row-major block, so a whole utterance moves as a single typed array.

/** `frames` rows of `dimension` values each, row-major. */
export interface FeatureMatrix {
  readonly frames: number;
  readonly dimension: number;
  readonly data: Float32Array;
}

export function emptyFeatureMatrix(dimension: number): FeatureMatrix {
  return { frames: 0, dimension, data: new Float32Array(0) };
}

/** Row `frame` as a view (no copy). */
export function featureRow(matrix: FeatureMatrix, frame: number): Float32Array {
  const start = frame * matrix.dimension;
  return matrix.data.subarray(start, start + matrix.dimension);
}

/** Stacks matrices of one dimension in order (e.g. the pieces a streaming extractor emitted). */
export function concatFeatureMatrices(
  dimension: number,
  parts: readonly FeatureMatrix[],
): FeatureMatrix {
  const frames = parts.reduce((total, part) => total + part.frames, 0);
  const data = new Float32Array(frames * dimension);
  let offset = 0;
  for (const part of parts) {
    data.set(part.data, offset);
    offset += part.data.length;
  }
  return { frames, dimension, data };
}
