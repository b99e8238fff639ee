// The frame every adapter of a corpus shipped as one folder shares (RAVDESS, EmoDB, IEMOCAP, RECOLA):
// the root must be a folder, one collector gathers what the adapter finds under it, and the language
// is `--corpus`'s override or the corpus's own.
import type { CorpusAdapter, CorpusReadOptions } from "./corpus-adapter.js";
import { CorpusCollector } from "./corpus-collector.js";
import { requireCorpusRoot } from "./corpus-files.js";

export interface FolderCorpus {
  /** Lower-case name used in `--corpus <name>:<path>`, also the utterances' `corpus`. */
  readonly name: string;
  readonly description: string;
  /** The corpus's own language, unless `--corpus` gives another. */
  readonly language: string;
  /** Adds the utterances found under `root`, spoken in `language`, to `collector`. */
  collect(
    root: string,
    collector: CorpusCollector,
    language: string,
    options: CorpusReadOptions,
  ): Promise<void>;
}

/** The adapter reading `corpus` from its root folder: CORPUS_NOT_FOUND when there is none. */
export function folderCorpusAdapter(corpus: FolderCorpus): CorpusAdapter {
  return {
    name: corpus.name,
    description: corpus.description,
    defaultLanguage: corpus.language,
    async read(root, options) {
      await requireCorpusRoot(root, corpus.name);
      const collector = new CorpusCollector(corpus.name, root, options.emotionMapping);
      await corpus.collect(root, collector, options.language ?? corpus.language, options);
      return collector.reading();
    },
  };
}
