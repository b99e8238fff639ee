// Sends precomputed feature frames at the pace they would arrive live, so a dropped file plays
// like speech and stays within the server's real-time limit.
import type { FeatureMatrix } from "@emotion-stream/features";

export interface FeatureChunk {
  readonly values: Float32Array;
  /** When to send this chunk, in ms after the first. */
  readonly atMs: number;
}

/** Chunks of `framesPerChunk` frames (the last may be shorter), each due when its audio would end. */
export function pacedChunks(
  features: FeatureMatrix,
  frameStepSeconds: number,
  framesPerChunk: number,
): FeatureChunk[] {
  const chunks: FeatureChunk[] = [];
  for (let first = 0; first < features.frames; first += framesPerChunk) {
    const last = Math.min(first + framesPerChunk, features.frames);
    chunks.push({
      values: features.data.subarray(first * features.dimension, last * features.dimension),
      atMs: Math.round(first * frameStepSeconds * 1000),
    });
  }
  return chunks;
}
