// Two rhythm and intonation styles that stand for two languages (the research corpora cannot ship):
// a stress-timed one (long accented syllables, reduced unstressed vowels, clear declination, accents
// on lexical stresses, closed syllables) and a syllable-timed one (even syllables, full vowels, phrase-
// final accents with continuation rises, open syllables, more sonorant onsets).
import type { Vowel } from "./phonemes.js";

export interface LanguageStyle {
  readonly id: string;
  readonly description: string;
  readonly syllablesPerPhrase: readonly [number, number];
  readonly phrasesPerUtterance: readonly [number, number];
  /** Seconds of a neutral-tempo syllable. */
  readonly syllableSeconds: number;
  readonly stressedDurationFactor: number;
  readonly unstressedDurationFactor: number;
  readonly durationJitter: number;
  /** Every how many syllables a lexical stress falls, as a [min, max] gap; null: phrase-final accent. */
  readonly stressGap: readonly [number, number] | null;
  readonly reduceUnstressedVowels: boolean;
  readonly declinationSemitonesPerSecond: number;
  /** Pitch movement at non-final phrase ends, semitones (positive: continuation rise). */
  readonly phraseEndSemitones: number;
  readonly finalFallSemitones: number;
  readonly onsetConsonants: readonly string[];
  readonly onsetProbability: number;
  readonly codaConsonants: readonly string[];
  readonly codaProbability: number;
  readonly vowels: readonly Vowel[];
}

export const LANGUAGE_STYLES = {
  "synth-stress": {
    id: "synth-stress",
    description: "stress-timed: long accented syllables, reduced unstressed vowels, declination",
    syllablesPerPhrase: [5, 9],
    phrasesPerUtterance: [1, 2],
    syllableSeconds: 0.19,
    stressedDurationFactor: 1.5,
    unstressedDurationFactor: 0.65,
    durationJitter: 0.12,
    stressGap: [2, 3],
    reduceUnstressedVowels: true,
    declinationSemitonesPerSecond: -2.2,
    phraseEndSemitones: -1.5,
    finalFallSemitones: -4,
    onsetConsonants: ["p", "t", "k", "s", "sh", "f", "m", "n", "l"],
    onsetProbability: 0.85,
    codaConsonants: ["t", "k", "s", "n", "m"],
    codaProbability: 0.45,
    vowels: ["a", "e", "i", "o", "u"],
  },
  "synth-syllable": {
    id: "synth-syllable",
    description:
      "syllable-timed: even syllables, full vowels, phrase-final accents, continuation rises",
    syllablesPerPhrase: [5, 9],
    phrasesPerUtterance: [1, 2],
    syllableSeconds: 0.17,
    stressedDurationFactor: 1.15,
    unstressedDurationFactor: 1,
    durationJitter: 0.06,
    stressGap: null,
    reduceUnstressedVowels: false,
    declinationSemitonesPerSecond: -0.6,
    phraseEndSemitones: 3,
    finalFallSemitones: -3,
    onsetConsonants: ["t", "d", "s", "m", "n", "l"],
    onsetProbability: 0.75,
    codaConsonants: ["n"],
    codaProbability: 0.1,
    vowels: ["a", "e", "i", "o", "u"],
  },
} as const satisfies Record<string, LanguageStyle>;

export type LanguageStyleId = keyof typeof LANGUAGE_STYLES;
export const LANGUAGE_STYLE_IDS = Object.keys(LANGUAGE_STYLES) as LanguageStyleId[];
