// The shape of a corpus adapter: reads one corpus as its publishers ship it and yields labelled
// utterances. Adapters are registered by name in `adapters/registry.ts`.
import type { EmotionMapping, ValenceArousalThresholds } from "@emotion-stream/core";
import type { CorpusReading } from "./corpus-utterance.js";

export interface CorpusReadOptions {
  /** Overrides the corpus's own language (the `:<language>` of `--corpus`). */
  readonly language?: string;
  /** Emotion words to quadrants; unknown words must be skipped, not thrown (`onUnknown: "skip"`). */
  readonly emotionMapping: EmotionMapping;
  /** IEMOCAP: quadrant from the [V, A, D] ratings or from the categorical label. */
  readonly iemocapLabels: "dimensions" | "category";
  /** IEMOCAP ratings (1-5) to quadrants; core's `iemocap` preset by default (midpoint 3). */
  readonly iemocapThresholds: ValenceArousalThresholds;
  /** RECOLA and manifest ratings (-1..1) to quadrants; core's `recola` preset (sign) by default. */
  readonly signedThresholds: ValenceArousalThresholds;
  /** RECOLA: length of the segments a recording is cut into, in seconds. */
  readonly recolaSegmentSeconds: number;
  /** RECOLA: keep only segments in which speech is active most of the time. */
  readonly recolaVoicedOnly: boolean;
}

export interface CorpusAdapter {
  /** Lower-case name used in `--corpus <name>:<path>`. */
  readonly name: string;
  readonly description: string;
  /** Language when the corpus is monolingual; undefined when it comes per row or must be given. */
  readonly defaultLanguage?: string;
  read(root: string, options: CorpusReadOptions): Promise<CorpusReading>;
}
