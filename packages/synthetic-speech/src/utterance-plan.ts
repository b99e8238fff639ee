// Plans an utterance as a timeline: phrases of syllables (onset consonant, vowel, coda), each turned
// into segments with times, plus a pitch-target contour (declination, accents, phrase boundaries).
// Rhythm comes from the language style, tempo and accents from the affect prosody and the voice.
import type { Random } from "@emotion-stream/core";
import type { AffectProsody } from "./affect-prosody.js";
import type { LanguageStyle } from "./language-styles.js";
import { CONSONANTS, type Consonant, type FormantTarget, VOWELS } from "./phonemes.js";
import type { Voice } from "./voices.js";

export type SegmentKind = "silence" | "closure" | "burst" | "fricative" | "nasal" | "vowel";

export interface Segment {
  readonly kind: SegmentKind;
  readonly start: number;
  readonly end: number;
  /** Vocal-tract target while the segment is voiced (vowels, nasals). */
  readonly formants: FormantTarget | null;
  /** Noise band of bursts and fricatives. */
  readonly consonant: Consonant | null;
  /** Relative level of the segment's main source. */
  readonly level: number;
}

export interface PitchTarget {
  readonly time: number;
  /** Semitones relative to the utterance's mean F0. */
  readonly semitones: number;
}

export interface UtterancePlan {
  readonly segments: readonly Segment[];
  readonly pitch: readonly PitchTarget[];
  readonly duration: number;
}

export function planUtterance(
  style: LanguageStyle,
  voice: Voice,
  prosody: AffectProsody,
  random: Random,
): UtterancePlan {
  const segments: Segment[] = [];
  const pitch: PitchTarget[] = [];
  const rate = voice.tempo * prosody.tempo;
  let time = random.uniform(0.15, 0.4);
  segments.push(silence(0, time));
  pitch.push({ time, semitones: 0 });

  const phraseCount = random.integer(style.phrasesPerUtterance[0], style.phrasesPerUtterance[1]);
  for (let phrase = 0; phrase < phraseCount; phrase++) {
    const syllableCount = random.integer(style.syllablesPerPhrase[0], style.syllablesPerPhrase[1]);
    const stresses = stressPositions(style, syllableCount, random);
    let lastVowelEnd = time;
    for (let syllable = 0; syllable < syllableCount; syllable++) {
      const stressed = stresses.has(syllable);
      const factor = stressed ? style.stressedDurationFactor : style.unstressedDurationFactor;
      const length = Math.max(
        0.07,
        (style.syllableSeconds * factor * (1 + style.durationJitter * random.normal(0, 1))) / rate,
      );
      const syllableStart = time;
      if (random.next() < style.onsetProbability) {
        time = pushConsonant(segments, random.pick(style.onsetConsonants), time, rate);
      }
      const reduced = style.reduceUnstressedVowels && !stressed;
      const vowel = reduced ? VOWELS.schwa : VOWELS[random.pick(style.vowels)];
      const hasCoda = random.next() < style.codaProbability;
      const vowelEnd = Math.max(time + 0.05, syllableStart + length - (hasCoda ? 0.06 / rate : 0));
      segments.push({
        kind: "vowel",
        start: time,
        end: vowelEnd,
        formants: vowel,
        consonant: null,
        level: stressed ? 1 : reduced ? 0.55 : 0.8,
      });
      pushSyllablePitch(pitch, time, vowelEnd, stressed, style, prosody, random);
      time = vowelEnd;
      lastVowelEnd = vowelEnd;
      if (hasCoda) time = pushConsonant(segments, random.pick(style.codaConsonants), time, rate);
    }
    const final = phrase === phraseCount - 1;
    pitch.push({
      time: lastVowelEnd,
      semitones:
        declination(style, lastVowelEnd) +
        (final ? style.finalFallSemitones : style.phraseEndSemitones),
    });
    if (!final) {
      const pause =
        random.next() < prosody.pauseProbability
          ? random.uniform(0.25, 0.6)
          : random.uniform(0.05, 0.15);
      segments.push(silence(time, time + pause / rate));
      time += pause / rate;
    }
  }
  const end = time + random.uniform(0.2, 0.5);
  segments.push(silence(time, end));
  return { segments, pitch, duration: end };
}

function stressPositions(style: LanguageStyle, syllables: number, random: Random): Set<number> {
  if (style.stressGap === null) return new Set([syllables - 1]);
  const positions = new Set<number>();
  for (let at = random.integer(0, 1); at < syllables; at += random.integer(...style.stressGap)) {
    positions.add(at);
  }
  return positions;
}

function declination(style: LanguageStyle, time: number): number {
  return style.declinationSemitonesPerSecond * time;
}

function pushSyllablePitch(
  pitch: PitchTarget[],
  start: number,
  end: number,
  stressed: boolean,
  style: LanguageStyle,
  prosody: AffectProsody,
  random: Random,
): void {
  const middle = (start + end) / 2;
  if (!stressed) {
    pitch.push({ time: middle, semitones: declination(style, middle) + random.normal(0, 0.4) });
    return;
  }
  // A pitch accent: a dip at the onset, a peak placed later (rising) or earlier (falling) by the skew.
  const height = prosody.accentSemitones * random.uniform(0.7, 1.1);
  const peak = middle + prosody.accentSkew * 0.35 * (end - start);
  pitch.push({ time: start, semitones: declination(style, start) - 0.2 * height });
  pitch.push({ time: peak, semitones: declination(style, peak) + height });
}

function pushConsonant(segments: Segment[], name: string, time: number, rate: number): number {
  const consonant = CONSONANTS[name];
  if (!consonant) throw new RangeError(`unknown consonant ${name}`);
  const push = (kind: SegmentKind, seconds: number, level: number) => {
    const end = time + seconds / rate;
    segments.push({ kind, start: time, end, formants: null, consonant, level });
    time = end;
  };
  switch (consonant.manner) {
    case "stop":
      push("closure", 0.045, consonant.voiced ? 0.15 : 0);
      push("burst", 0.018, 0.7);
      break;
    case "fricative":
      push("fricative", 0.075, 0.4);
      break;
    case "nasal": {
      const end = time + 0.06 / rate;
      const f = consonant.noiseCentre;
      const formants: FormantTarget = {
        frequencies: [f, 1150, 2400, 3300],
        bandwidths: [consonant.noiseBandwidth, 250, 300, 350],
      };
      segments.push({ kind: "nasal", start: time, end, formants, consonant, level: 0.4 });
      time = end;
      break;
    }
  }
  return time;
}

function silence(start: number, end: number): Segment {
  return { kind: "silence", start, end, formants: null, consonant: null, level: 0 };
}
