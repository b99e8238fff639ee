// The model card's account of the training data: per corpus, its adapter, language, speakers and
// class counts of the utterances trained on, and the reasons utterances were left out.
import { type CorpusSummary, QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import type { CorpusArgument } from "../corpora/corpus-argument.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { CachedCorpus } from "../feature-cache/feature-cache.js";

export function trainingCorpusSummaries(
  corpora: readonly CachedCorpus[],
  corpusArguments: readonly CorpusArgument[],
  trained: readonly CachedUtterance[],
): CorpusSummary[] {
  return corpora.flatMap((corpus, index) => {
    // By membership, not name: a manifest reading is named "manifest" while its rows carry their
    // own corpus names.
    const members = new Set(corpus.utterances);
    const utterances = trained.filter((utterance) => members.has(utterance));
    if (utterances.length === 0) return [];
    const countsPerClass = Object.fromEntries(QUADRANT_CLASSES.map((name) => [name, 0])) as Record<
      QuadrantClass,
      number
    >;
    for (const utterance of utterances) countsPerClass[utterance.label] += 1;
    const skipped: Record<string, number> = {};
    for (const item of corpus.skipped) {
      const key = item.label === undefined ? item.reason : `${item.reason}:${item.label}`;
      skipped[key] = (skipped[key] ?? 0) + 1;
    }
    return [
      {
        name: corpus.corpus,
        adapter: corpusArguments[index]?.adapter ?? corpus.corpus,
        language: utterances[0]?.language ?? "und",
        utterances: utterances.length,
        speakers: new Set(utterances.map((utterance) => utterance.speaker)).size,
        countsPerClass,
        skipped,
      },
    ];
  });
}
