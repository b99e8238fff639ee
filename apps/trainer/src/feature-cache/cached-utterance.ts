// An utterance whose features are in the cache: its frame count and duration are known without
// loading the features, and `featureRef` says where the record lies.
import type { CorpusUtterance } from "../corpora/corpus-utterance.js";

export interface FeatureRef {
  /** Absolute path of the cache data file. */
  readonly file: string;
  /** Byte offset of the utterance's record in it. */
  readonly offset: number;
}

export interface CachedUtterance extends CorpusUtterance {
  readonly frames: number;
  readonly durationSeconds: number;
  /** Undefined for utterances whose source already holds the features (openSMILE files). */
  readonly featureRef?: FeatureRef;
}
