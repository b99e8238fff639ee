// The study's experiment table over the given corpora (one per language): mono-lingual (train and
// test on one corpus), multi-lingual (train on all, test on each) and cross-language (train on
// one, test on every other).
import { EmotionStreamError } from "@emotion-stream/core";
import type { ExperimentDefinition } from "./run-experiment.js";

export const EXPERIMENT_KINDS = ["mono", "multi", "cross"] as const;
export type ExperimentKind = (typeof EXPERIMENT_KINDS)[number];

export function studyPlan(
  corpora: readonly string[],
  kinds: readonly ExperimentKind[] = EXPERIMENT_KINDS,
): ExperimentDefinition[] {
  if (corpora.length === 0)
    throw new EmotionStreamError("BAD_ARGUMENT", "the study plan needs at least one --corpus");
  const plan: ExperimentDefinition[] = [];
  if (kinds.includes("mono")) {
    for (const corpus of corpora)
      plan.push({ kind: "mono", trainCorpora: [corpus], testCorpora: [corpus] });
  }
  if (corpora.length > 1 && kinds.includes("multi")) {
    plan.push({ kind: "multi", trainCorpora: [...corpora], testCorpora: [...corpora] });
  }
  if (corpora.length > 1 && kinds.includes("cross")) {
    for (const corpus of corpora) {
      plan.push({
        kind: "cross",
        trainCorpora: [corpus],
        testCorpora: corpora.filter((other) => other !== corpus),
      });
    }
  }
  return plan;
}
