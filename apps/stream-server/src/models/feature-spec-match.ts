// Whether this build's feature extractor computes exactly the features a model card states: the
// server extracts features from PCM itself, and a model must only see the features it was trained on.
import type { FeatureSetSpec } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";

/** The first difference between the extractor's spec and the card's, or undefined when they agree. */
export function extractorSpecDifference(card: FeatureSetSpec): string | undefined {
  const ours = getFeatureSet(card.name).specFor(card.sampleRate);
  const scalars = ["sampleRate", "frameSizeSeconds", "frameStepSeconds", "dimension"] as const;
  for (const field of scalars) {
    if (ours[field] !== card[field])
      return `${field}: extractor ${ours[field]}, card ${card[field]}`;
  }
  if (ours.columns.join("\n") !== card.columns.join("\n")) return "columns differ";
  const keys = new Set([...Object.keys(ours.params), ...Object.keys(card.params)]);
  for (const key of [...keys].sort()) {
    if (ours.params[key] !== card.params[key]) {
      return `params.${key}: extractor ${String(ours.params[key])}, card ${String(card.params[key])}`;
    }
  }
  return undefined;
}
