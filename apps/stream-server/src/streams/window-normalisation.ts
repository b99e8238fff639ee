// The card's normalisation as the server applies it while copying a window into a batch: affine per
// column for z-scores (statistics turned into typed arrays once), each frame scaled to unit L2 norm,
// or z-scores with the stream's own running statistics. Applying it per window rather than per frame
// means a reloaded card takes effect on the next window.
import type { Normalisation, StatisticsPrior } from "@emotion-stream/core";

export type WindowNormalisation =
  | {
      readonly kind: "affine";
      /** value -> (value - shift[column]) * scale[column] */
      readonly shift: Float32Array;
      readonly scale: Float32Array;
    }
  | { readonly kind: "unit-norm" }
  /** Affine with the stream's statistics up to the window's end, shrunk towards `prior`. */
  | { readonly kind: "per-stream"; readonly prior: StatisticsPrior };

/**
 * Seconds of the card's pooled statistics a stream's own statistics start from. Long enough that
 * the first window (2 s for the default preset) is not normalised by its own frames alone (a
 * dimension constant over a silent start would otherwise be scaled by 1 / MIN_STD); short enough
 * that after a minute of audio the stream's own statistics carry 95% of the weight. Training fitted
 * each speaker's statistics over minutes of speech, so the stream's own converge to the same kind
 * of estimate; 3 s is about one training utterance (RAVDESS ~3.5 s, EmoDB ~2.7 s).
 */
export const PRIOR_SECONDS = 3;

/**
 * Global cards apply their statistics. Per-speaker and per-corpus cards were trained with each
 * speaker's (corpus's) frames normalised by that group's own statistics, and `trainer evaluate`
 * normalises an unseen speaker or corpus with its own: a live stream is an unseen speaker on its own
 * recording setup, so it is normalised with its own running statistics, starting from the card's
 * pooled ones.
 */
export function windowNormalisationOf(
  normalisation: Normalisation,
  dimension: number,
  rowStepSeconds: number,
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
    case "global":
      return {
        kind: "affine",
        shift: Float32Array.from(normalisation.mean),
        scale: Float32Array.from(normalisation.std, (std) => 1 / std),
      };
    default:
      return {
        kind: "per-stream",
        prior: {
          mean: Float64Array.from(normalisation.mean),
          std: Float64Array.from(normalisation.std),
          frames: Math.max(1, Math.round(PRIOR_SECONDS / rowStepSeconds)),
        },
      };
  }
}
