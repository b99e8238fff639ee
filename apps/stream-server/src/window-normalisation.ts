// The card's normalisation as the server applies it while copying a window into a batch: affine per
// column for z-scores (statistics turned into typed arrays once), or each frame scaled to unit L2 norm.
// Applying it per window rather than per frame means a reloaded card takes effect on the next window.
import type { Normalisation } from "@emotion-stream/core";

export type WindowNormalisation =
  | {
      readonly kind: "affine";
      /** value -> (value - shift[column]) * scale[column] */
      readonly shift: Float32Array;
      readonly scale: Float32Array;
    }
  | { readonly kind: "unit-norm" };

/**
 * Per-corpus and per-speaker cards carry pooled statistics for inputs of no listed group; a live
 * stream is such an input, so it gets the pooled ones.
 */
export function windowNormalisationOf(
  normalisation: Normalisation,
  dimension: number,
): WindowNormalisation {
  switch (normalisation.kind) {
    case "none":
      return {
        kind: "affine",
        shift: new Float32Array(dimension),
        scale: new Float32Array(dimension).fill(1),
      };
    case "per-frame-l2":
      return { kind: "unit-norm" };
    default:
      return {
        kind: "affine",
        shift: Float32Array.from(normalisation.mean),
        scale: Float32Array.from(normalisation.std, (std) => 1 / std),
      };
  }
}
