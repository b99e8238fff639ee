// Continuous valence and arousal scores from the four quadrant probabilities: each quadrant votes
// with its signs (Joy +/+, Anger -/+, Sadness -/-, Pleasure +/-), weighted by its probability.
import { QUADRANT_CLASSES, QUADRANTS, type QuadrantClass } from "../quadrant-classes.js";

export interface ValenceArousal {
  /** p(joy) + p(pleasure) - p(anger) - p(sadness), in [-1, 1]. */
  readonly valence: number;
  /** p(joy) + p(anger) - p(sadness) - p(pleasure), in [-1, 1]. */
  readonly arousal: number;
}

/** Scores for probabilities in canonical class order (they need not sum exactly to 1). */
export function valenceArousalOf(probabilities: ArrayLike<number>): ValenceArousal {
  let valence = 0;
  let arousal = 0;
  QUADRANT_CLASSES.forEach((name, index) => {
    const p = probabilities[index] ?? 0;
    valence += QUADRANTS[name].valence * p;
    arousal += QUADRANTS[name].arousal * p;
  });
  // Float32 posteriors may sum to a hair above 1; the scores stay within their stated range.
  return { valence: clampUnit(valence), arousal: clampUnit(arousal) };
}

function clampUnit(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

/** The most probable class (the first on ties), in canonical order. */
export function topClassOf(probabilities: ArrayLike<number>): QuadrantClass {
  let best = 0;
  for (let index = 1; index < QUADRANT_CLASSES.length; index++) {
    if ((probabilities[index] ?? 0) > (probabilities[best] ?? 0)) best = index;
  }
  return QUADRANT_CLASSES[best] ?? "joy";
}
