// Speech-like audio for the live tests from the synthetic corpus generator: one acted utterance per
// quadrant, so the model has something to tell apart.
import type { QuadrantClass } from "@emotion-stream/core";
import {
  LANGUAGE_STYLE_IDS,
  planSyntheticCorpus,
  synthesizeUtterance,
  syntheticCorpusOptionsSchema,
} from "@emotion-stream/synthetic-speech";

export const SYNTHETIC_RATE = 16_000;

export function syntheticUtterance(
  quadrant: QuadrantClass,
  sampleRate = SYNTHETIC_RATE,
  take = 1,
): Float32Array {
  const options = syntheticCorpusOptionsSchema.parse({
    seed: 7,
    languages: LANGUAGE_STYLE_IDS.slice(0, 1),
    speakersPerLanguage: 2,
    utterancesPerClass: Math.max(take, 1),
    sampleRate,
  });
  const utterance = planSyntheticCorpus(options).find(
    (candidate) => candidate.quadrant === quadrant && candidate.take === take,
  );
  if (utterance === undefined) throw new Error(`no synthetic ${quadrant} utterance`);
  return synthesizeUtterance(utterance, options);
}
