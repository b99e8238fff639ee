// Accumulates an adapter's utterances and skips, mapping each raw label to its quadrant on the
// way in, so every adapter reports unmapped labels and out-of-scale ratings the same way.
import {
  type EmotionMapping,
  isEmotionStreamError,
  quadrantFromValenceArousal,
  type ValenceArousalThresholds,
} from "@emotion-stream/core";
import type {
  CorpusReading,
  CorpusUtterance,
  RawLabels,
  SkippedItem,
  SkipReason,
} from "./corpus-utterance.js";

export type UnlabelledUtterance = Omit<CorpusUtterance, "label" | "rawLabel" | "rawLabels">;

export class CorpusCollector {
  readonly #utterances: CorpusUtterance[] = [];
  readonly #skipped: SkippedItem[] = [];

  constructor(
    readonly corpus: string,
    readonly root: string,
    readonly emotionMapping: EmotionMapping,
  ) {}

  /** Adds the utterance labelled by its emotion word, or skips it when the table leaves it unmapped. */
  addByEmotion(utterance: UnlabelledUtterance, emotion: string, rawLabels: RawLabels): void {
    const lookup = this.emotionMapping.lookup(emotion, { file: utterance.source.path });
    if (lookup.quadrant === null) {
      const why = lookup.reason === "unknown" ? "is not in the emotion table" : "is left unmapped";
      this.skip(utterance.source.path, "unknown-label", `label "${emotion}" ${why}`, emotion);
      return;
    }
    this.#utterances.push({ ...utterance, rawLabel: emotion, rawLabels, label: lookup.quadrant });
  }

  /** Adds the utterance labelled by its valence/arousal ratings; out-of-scale ratings are skipped. */
  addByRatings(
    utterance: UnlabelledUtterance,
    rawLabels: RawLabels & { valence: number; arousal: number },
    thresholds: ValenceArousalThresholds,
  ): void {
    const rawLabel = `valence ${round(rawLabels.valence)}, arousal ${round(rawLabels.arousal)}`;
    try {
      const label = quadrantFromValenceArousal(rawLabels.valence, rawLabels.arousal, thresholds);
      this.#utterances.push({ ...utterance, rawLabel, rawLabels, label });
    } catch (error) {
      if (!isEmotionStreamError(error, "BAD_THRESHOLDS")) throw error;
      this.skip(utterance.source.path, "bad-annotation", `${rawLabel}: ${error.describe()}`);
    }
  }

  skip(file: string, reason: SkipReason, message: string, label?: string): void {
    this.#skipped.push({ file, reason, message, ...(label === undefined ? {} : { label }) });
  }

  reading(): CorpusReading {
    return {
      corpus: this.corpus,
      root: this.root,
      utterances: this.#utterances,
      skipped: this.#skipped,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
