// The data layer's front door for every trainer command: read each `--corpus` through its
// adapter, bring its features into the cache, and hand back cached utterances plus a store that
// loads their features on demand.
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import type { CorpusArgument } from "../corpora/corpus-argument.js";
import type { SkippedItem } from "../corpora/corpus-utterance.js";
import { type LabellingOptions, readCorpora } from "../corpora/read-corpora.js";
import type { CachedUtterance } from "./cached-utterance.js";
import { ExtractionPool, type ExtractionPoolOptions } from "./extraction-pool.js";
import type { ExtractionProgress } from "./extraction-progress.js";
import { type CachedCorpus, cacheCorpusFeatures } from "./feature-cache.js";
import { FeatureStore } from "./feature-store.js";

export interface LoadCorporaOptions extends ExtractionPoolOptions {
  readonly corpora: readonly CorpusArgument[];
  readonly labelling: LabellingOptions;
  readonly featureSet: string;
  readonly cacheDir: string;
  readonly progress?: ExtractionProgress;
}

export interface LoadedCorpora {
  readonly spec: FeatureSetSpec;
  readonly corpora: readonly CachedCorpus[];
  /** Every usable utterance of every corpus, in corpus order. */
  readonly utterances: readonly CachedUtterance[];
  readonly skipped: readonly SkippedItem[];
  /** Loads an utterance's features; close it when done. */
  readonly store: FeatureStore;
  /** Wall-clock seconds spent reading corpora and bringing features into the cache. */
  readonly seconds: number;
}

export async function loadCachedCorpora(options: LoadCorporaOptions): Promise<LoadedCorpora> {
  const started = performance.now();
  if (options.corpora.length === 0) {
    throw new EmotionStreamError("BAD_ARGUMENT", "give at least one --corpus <adapter>:<path>");
  }
  const readings = await readCorpora(options.corpora, options.labelling);
  const corpora: CachedCorpus[] = [];
  const pool = new ExtractionPool(options);
  try {
    for (const reading of readings) {
      corpora.push(
        await cacheCorpusFeatures(reading, {
          ...options,
          pool,
          onExtractionStart: (corpus, files) => options.progress?.start(corpus, files),
          onLockWait: (corpus) => options.progress?.waiting(corpus),
          onProgress: (done, total) => options.progress?.update(done, total),
        }),
      );
    }
  } finally {
    options.progress?.stop();
    await pool.close();
  }
  return {
    spec: (corpora[0] as CachedCorpus).spec,
    corpora,
    utterances: corpora.flatMap((corpus) => corpus.utterances),
    skipped: corpora.flatMap((corpus) => corpus.skipped),
    store: new FeatureStore(),
    seconds: (performance.now() - started) / 1000,
  };
}
