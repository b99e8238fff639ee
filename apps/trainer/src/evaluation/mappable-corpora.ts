// A corpus that yields no utterance for the model (every label unmapped by the card's table, or
// every file unreadable) is a mistake in the request, not a result: refuse it in one line.
import { EmotionStreamError } from "@emotion-stream/core";
import type { CachedCorpus } from "../feature-cache/feature-cache.js";
import { summariseSkipped } from "./skipped-items.js";

/** `paths` are the `--corpus` paths in the order the corpora were read, named in the error. */
export function checkMappableCorpora(
  corpora: readonly CachedCorpus[],
  paths: readonly string[],
): void {
  for (const [index, corpus] of corpora.entries()) {
    if (corpus.utterances.length > 0) continue;
    const file = paths[index] ?? corpus.root;
    const { labels, unreadableFiles } = summariseSkipped(corpus.skipped);
    const unmapped = Object.entries(labels).map(([label, count]) => `${label} (${count})`);
    if (unmapped.length > 0 || unreadableFiles.length === 0) {
      throw new EmotionStreamError(
        "EMPTY_CORPUS",
        "no label of the corpus maps to a class through the model card's emotion table",
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
