// What every corpus adapter yields: one labelled utterance per audio file (or audio segment, or
// feature-file instance), and the list of what it skipped and why.
import type { QuadrantClass } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";

export type Gender = "female" | "male";

/** The corpus's own labels as read, before mapping to a quadrant. */
export interface RawLabels {
  /** Emotion word in the project's English vocabulary (`happy`, `angry`, `bored`, ...). */
  readonly emotion?: string;
  /** Continuous ratings on the corpus's own scale (IEMOCAP 1-5, RECOLA -1..1). */
  readonly valence?: number;
  readonly arousal?: number;
  readonly dominance?: number;
  readonly intensity?: string;
}

/** Where the utterance's signal comes from. */
export type UtteranceSource =
  | { readonly kind: "audio"; readonly path: string }
  /** A segment of a longer recording, in seconds from its start. */
  | {
      readonly kind: "audio-segment";
      readonly path: string;
      readonly startSeconds: number;
      readonly endSeconds: number;
    }
  /** Frame-level features already computed (openSMILE output); no audio to read. */
  | { readonly kind: "features"; readonly path: string; readonly features: FeatureMatrix };

export interface CorpusUtterance {
  /** Unique within the corpus; stable across runs (file name or instance name). */
  readonly id: string;
  readonly corpus: string;
  /** Unique across corpora: `<corpus>_<speaker id>`. */
  readonly speaker: string;
  readonly gender?: Gender;
  readonly language: string;
  /** The label as the corpus writes it, for reports and skip counts (`happy`, `v=3.5 a=2.0`). */
  readonly rawLabel: string;
  readonly rawLabels: RawLabels;
  readonly label: QuadrantClass;
  readonly source: UtteranceSource;
}

export type SkipReason =
  | "unknown-label"
  | "unreadable-file"
  | "bad-annotation"
  | "no-label"
  | "too-short";

export interface SkippedItem {
  readonly file: string;
  readonly reason: SkipReason;
  /** What was wrong, in one line. */
  readonly message: string;
  /** The unmapped label, for per-label skip counts. */
  readonly label?: string;
}

export interface CorpusReading {
  readonly corpus: string;
  readonly root: string;
  readonly utterances: readonly CorpusUtterance[];
  readonly skipped: readonly SkippedItem[];
}
