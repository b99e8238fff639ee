// The embedded default corpus: for each language style, speakers of both genders each say several
// utterances per quadrant. Every utterance has its own seed derived from the corpus seed, so one
// utterance can be re-made alone and the corpus is identical wherever it is generated.
import { createRandom, QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import { z } from "zod";
import { drawAffectProsody } from "./affect-prosody.js";
import { LANGUAGE_STYLE_IDS, LANGUAGE_STYLES, type LanguageStyleId } from "./language-styles.js";
import { renderUtterance } from "./render-utterance.js";
import { planUtterance } from "./utterance-plan.js";
import { drawVoice, type Gender } from "./voices.js";

/** The emotion word each quadrant is acted as, so the corpus goes through the normal label table. */
export const ACTED_EMOTION_WORDS: Readonly<Record<QuadrantClass, string>> = {
  joy: "happy",
  anger: "angry",
  sadness: "sad",
  pleasure: "calm",
};

export const syntheticCorpusOptionsSchema = z.object({
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  languages: z
    .array(z.enum(LANGUAGE_STYLE_IDS as [LanguageStyleId, ...LanguageStyleId[]]))
    .min(1)
    .default(LANGUAGE_STYLE_IDS),
  speakersPerLanguage: z.number().int().min(2).max(200).default(8),
  utterancesPerClass: z.number().int().min(1).max(200).default(8),
  sampleRate: z.number().int().min(8000).max(48000).default(16000),
});

export type SyntheticCorpusOptions = z.infer<typeof syntheticCorpusOptionsSchema>;

export interface SyntheticUtterance {
  readonly id: string;
  /** Relative path in the corpus folder: `<language>/<speaker>/<id>.wav`. */
  readonly path: string;
  readonly language: LanguageStyleId;
  readonly speaker: string;
  readonly gender: Gender;
  readonly quadrant: QuadrantClass;
  readonly emotion: string;
  readonly take: number;
}

export function planSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticUtterance[] {
  const utterances: SyntheticUtterance[] = [];
  for (const language of options.languages) {
    for (let s = 0; s < options.speakersPerLanguage; s++) {
      const speaker = `${language}-${String(s + 1).padStart(2, "0")}`;
      const gender: Gender = s % 2 === 0 ? "male" : "female";
      for (const quadrant of QUADRANT_CLASSES) {
        for (let take = 1; take <= options.utterancesPerClass; take++) {
          const id = `${speaker}-${ACTED_EMOTION_WORDS[quadrant]}-${String(take).padStart(2, "0")}`;
          utterances.push({
            id,
            path: `${language}/${speaker}/${id}.wav`,
            language,
            speaker,
            gender,
            quadrant,
            emotion: ACTED_EMOTION_WORDS[quadrant],
            take,
          });
        }
      }
    }
  }
  return utterances;
}

/** The samples of one planned utterance, mono in [-1, 1] at the corpus rate. */
export function synthesizeUtterance(
  utterance: SyntheticUtterance,
  options: SyntheticCorpusOptions,
): Float32Array {
  const corpusRandom = createRandom(options.seed);
  const voice = drawVoice(
    utterance.speaker,
    utterance.gender,
    corpusRandom.fork(`voice:${utterance.speaker}`),
  );
  const random = corpusRandom.fork(`utterance:${utterance.id}`);
  const prosody = drawAffectProsody(utterance.quadrant, random);
  const plan = planUtterance(LANGUAGE_STYLES[utterance.language], voice, prosody, random);
  return renderUtterance(plan, voice, prosody, options.sampleRate, random);
}
