// Appends a language-aware model's language columns (core's `languageColumnsLookup`) after each frame's
// features: how training, validation, evaluation and export windows give the model the language.
import type { FeatureMatrix } from "@emotion-stream/features";

export function withLanguageColumns(matrix: FeatureMatrix, columns: Float32Array): FeatureMatrix {
  if (columns.length === 0) return matrix;
  const dimension = matrix.dimension + columns.length;
  const data = new Float32Array(matrix.frames * dimension);
  for (let frame = 0; frame < matrix.frames; frame++) {
    const from = frame * matrix.dimension;
    data.set(matrix.data.subarray(from, from + matrix.dimension), frame * dimension);
    data.set(columns, frame * dimension + matrix.dimension);
  }
  return { frames: matrix.frames, dimension, data };
}
