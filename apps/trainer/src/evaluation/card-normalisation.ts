// The model card's normalisation as statistics the data layer applies. Global statistics are the
// training ones the card records; per-speaker (per-corpus) statistics for evaluated speakers
// (corpora) the card does not list are fitted on their own unlabelled features, as a server does
// for a new voice, and the run says so.
import type { ModelCard, Normalisation } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import {
  type NormalisationGroup,
  type NormalisationStatistics,
  normalisationKey,
  withUnseenGroups,
  type ZNormStatistics,
} from "../dataset/normalisation.js";

export interface EvaluationNormalisation {
  readonly statistics: NormalisationStatistics;
  /** What was applied and where its statistics came from, for the run and the user. */
  readonly description: string;
}

const SCOPES = {
  none: "none",
  "per-frame-l2": "l2-frame",
  global: "global",
  "per-corpus": "corpus",
  "per-speaker": "speaker",
} as const;

export async function evaluationNormalisation<T extends NormalisationGroup>(
  card: ModelCard,
  items: readonly T[],
  features: (item: T) => Promise<FeatureMatrix>,
): Promise<EvaluationNormalisation> {
  const trained = cardStatistics(card.normalisation, card.featureSet.dimension);
  const statistics = await withUnseenGroups(trained, items, features);
  return { statistics, description: describe(card.normalisation, trained, items) };
}

function cardStatistics(normalisation: Normalisation, dimension: number): NormalisationStatistics {
  const scope = SCOPES[normalisation.kind];
  if (normalisation.kind === "none" || normalisation.kind === "per-frame-l2") {
    return { scope, dimension, groups: {} };
  }
  // The card keeps mean and std only; frame counts are not needed to apply them.
  const group = (stats: { mean: number[]; std: number[] }): ZNormStatistics => ({
    mean: stats.mean,
    std: stats.std,
    frames: 0,
  });
  if (normalisation.kind === "global") {
    return { scope, dimension, groups: { all: group(normalisation) } };
  }
  const groups = Object.fromEntries(
    Object.entries(normalisation.groups).map(([key, stats]) => [key, group(stats)]),
  );
  return { scope, dimension, groups };
}

function describe(
  normalisation: Normalisation,
  trained: NormalisationStatistics,
  items: readonly NormalisationGroup[],
): string {
  if (normalisation.kind === "none") return "none (the model card's)";
  if (normalisation.kind === "per-frame-l2") {
    return "per-frame L2 (the model card's; needs no statistics)";
  }
  if (normalisation.kind === "global") {
    return "global z-normalisation with the training statistics recorded in the model card";
  }
  const keys = new Set(items.map((item) => normalisationKey(trained.scope, item)));
  const own = [...keys].filter((key) => trained.groups[key] === undefined).length;
  const unit = normalisation.kind === "per-speaker" ? "speaker" : "corpus";
  return (
    `${normalisation.kind} z-normalisation: ${own} of ${keys.size} evaluated ${unit} groups ` +
    `normalised with statistics fitted on their own unlabelled features (not in the model card); ` +
    `${keys.size - own} with the card's training statistics`
  );
}
