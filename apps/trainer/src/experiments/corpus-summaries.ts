// The model card's account of the training data: per corpus (as utterances name it; one manifest
// may hold several), its adapter, language, speakers and class counts of the utterances trained
// on, and the reasons the reading left utterances out.
import { type CorpusSummary, QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import type { CorpusArgument } from "../corpora/corpus-argument.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { CachedCorpus } from "../feature-cache/feature-cache.js";

export function trainingCorpusSummaries(
  readings: readonly CachedCorpus[],
  corpusArguments: readonly CorpusArgument[],
  trained: readonly CachedUtterance[],
): CorpusSummary[] {
  const byCorpus = new Map<string, CachedUtterance[]>();
  for (const utterance of trained)
    byCorpus.set(utterance.corpus, [...(byCorpus.get(utterance.corpus) ?? []), utterance]);
  return [...byCorpus].map(([name, utterances]) => {
    const index = readings.findIndex((reading) =>
      reading.utterances.some((u) => u.corpus === name),
    );
    const countsPerClass = Object.fromEntries(
      QUADRANT_CLASSES.map((label) => [label, 0]),
    ) as Record<QuadrantClass, number>;
    for (const utterance of utterances) countsPerClass[utterance.label] += 1;
    const skipped: Record<string, number> = {};
    for (const item of readings[index]?.skipped ?? []) {
      const key = item.label === undefined ? item.reason : `${item.reason}:${item.label}`;
      skipped[key] = (skipped[key] ?? 0) + 1;
    }
    return {
      name,
      adapter: corpusArguments[index]?.adapter ?? readings[index]?.corpus ?? name,
      language: utterances[0]?.language ?? "und",
      utterances: utterances.length,
      speakers: new Set(utterances.map((utterance) => utterance.speaker)).size,
      countsPerClass,
      skipped,
    };
  });
}
