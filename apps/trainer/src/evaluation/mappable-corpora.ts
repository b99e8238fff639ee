// A corpus that yields no utterance (every label unmapped by the emotion table, or every file
// unreadable) is a mistake in the request, not a result: refuse it in one line naming the cause,
// in evaluation and in training alike.
import { EmotionStreamError } from "@emotion-stream/core";
import type { CachedCorpus } from "../feature-cache/feature-cache.js";
import { summariseSkipped } from "./skipped-items.js";

/**
 * `paths` are the `--corpus` paths in the order the corpora were read, named in the error;
 * `labelTable` says where the emotion table came from ("the model card's emotion table").
 */
export function checkMappableCorpora(
  corpora: readonly CachedCorpus[],
  paths: readonly string[],
  labelTable: string,
): void {
  for (const [index, corpus] of corpora.entries()) {
    if (corpus.utterances.length > 0) continue;
    const file = paths[index] ?? corpus.root;
    const { labels, unreadableFiles } = summariseSkipped(corpus.skipped);
    const unmapped = Object.entries(labels).map(([label, count]) => `${label} (${count})`);
    if (unmapped.length > 0 || unreadableFiles.length === 0) {
      throw new EmotionStreamError(
        "EMPTY_CORPUS",
        `no label of the corpus maps to a class through ${labelTable}`,
        { file, field: "emotion", received: unmapped.join(", ") || "no labels" },
      );
    }
    throw new EmotionStreamError("EMPTY_CORPUS", "no audio file of the corpus could be read", {
      file,
      field: "path",
      received: `${unreadableFiles.length} unreadable files`,
    });
  }
}
