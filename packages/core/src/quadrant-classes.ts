// The four valence/arousal quadrants of the original study, in the one canonical order that every
// model output, confusion matrix and wire message uses.

export const QUADRANT_CLASSES = ["joy", "anger", "sadness", "pleasure"] as const;

export type QuadrantClass = (typeof QUADRANT_CLASSES)[number];

export type Sign = -1 | 1;

export interface QuadrantDefinition {
  readonly name: QuadrantClass;
  readonly label: string;
  readonly valence: Sign;
  readonly arousal: Sign;
}

export const QUADRANTS: Readonly<Record<QuadrantClass, QuadrantDefinition>> = {
  joy: { name: "joy", label: "Joy", valence: 1, arousal: 1 },
  anger: { name: "anger", label: "Anger", valence: -1, arousal: 1 },
  sadness: { name: "sadness", label: "Sadness", valence: -1, arousal: -1 },
  pleasure: { name: "pleasure", label: "Pleasure", valence: 1, arousal: -1 },
};

/** The quadrant whose valence and arousal signs these are. */
export function quadrantOf(valence: Sign, arousal: Sign): QuadrantClass {
  if (arousal > 0) return valence > 0 ? "joy" : "anger";
  return valence > 0 ? "pleasure" : "sadness";
}
