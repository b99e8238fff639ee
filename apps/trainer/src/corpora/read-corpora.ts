// Reads every `--corpus` through its adapter with one set of labelling options.
import {
  createEmotionMapping,
  type EmotionMappingOptions,
  VALENCE_AROUSAL_PRESETS,
} from "@emotion-stream/core";
import { getCorpusAdapter } from "./adapters/registry.js";
import type { CorpusReadOptions } from "./corpus-adapter.js";
import type { CorpusArgument } from "./corpus-argument.js";
import type { CorpusReading } from "./corpus-utterance.js";

export type LabellingOptions = Omit<CorpusReadOptions, "language">;

/** The documented defaults: core's emotion table (unknown words skipped), IEMOCAP midpoint 3, 4 s RECOLA segments. */
export function defaultLabellingOptions(
  overrides: Partial<LabellingOptions> & { emotionTable?: EmotionMappingOptions } = {},
): LabellingOptions {
  const { emotionTable, ...rest } = overrides;
  return {
    emotionMapping: createEmotionMapping({ ...emotionTable, onUnknown: "skip" }),
    iemocapLabels: "dimensions",
    iemocapThresholds: VALENCE_AROUSAL_PRESETS.iemocap,
    signedThresholds: VALENCE_AROUSAL_PRESETS.recola,
    recolaSegmentSeconds: 4,
    recolaVoicedOnly: false,
    ...rest,
  };
}

export async function readCorpora(
  corpora: readonly CorpusArgument[],
  labelling: LabellingOptions,
): Promise<CorpusReading[]> {
  const readings: CorpusReading[] = [];
  for (const corpus of corpora) {
    const adapter = getCorpusAdapter(corpus.adapter);
    const options =
      corpus.language === undefined ? labelling : { ...labelling, language: corpus.language };
    readings.push(await adapter.read(corpus.path, options));
  }
  return readings;
}
