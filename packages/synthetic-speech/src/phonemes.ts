// Vowel formant targets (adult male, Hz; Peterson & Barney 1952 / Hillenbrand et al. 1995 averages)
// and the consonant classes the synthesiser articulates. Female and child voices scale these by the
// speaker's vocal-tract factor.

export interface FormantTarget {
  readonly frequencies: readonly [number, number, number, number];
  readonly bandwidths: readonly [number, number, number, number];
}

export const VOWELS = {
  a: { frequencies: [730, 1090, 2440, 3400], bandwidths: [90, 110, 170, 250] },
  e: { frequencies: [530, 1840, 2480, 3500], bandwidths: [70, 100, 170, 250] },
  i: { frequencies: [270, 2290, 3010, 3700], bandwidths: [60, 90, 170, 250] },
  o: { frequencies: [570, 840, 2410, 3400], bandwidths: [80, 90, 170, 250] },
  u: { frequencies: [300, 870, 2240, 3400], bandwidths: [60, 90, 170, 250] },
  /** The reduced vowel of unstressed syllables in the stress-timed style. */
  schwa: { frequencies: [500, 1500, 2500, 3500], bandwidths: [90, 120, 180, 250] },
} as const satisfies Record<string, FormantTarget>;

export type Vowel = keyof typeof VOWELS;
export const FULL_VOWELS: readonly Vowel[] = ["a", "e", "i", "o", "u"];

/** How an onset consonant is made: silence then a noise burst, sustained noise, or a voiced murmur. */
export type ConsonantManner = "stop" | "fricative" | "nasal";

export interface Consonant {
  readonly manner: ConsonantManner;
  /** Centre frequency (Hz) of the noise band, or the nasal murmur's formant. */
  readonly noiseCentre: number;
  readonly noiseBandwidth: number;
  readonly voiced: boolean;
}

export const CONSONANTS: Readonly<Record<string, Consonant>> = {
  p: { manner: "stop", noiseCentre: 1000, noiseBandwidth: 2000, voiced: false },
  t: { manner: "stop", noiseCentre: 4000, noiseBandwidth: 2500, voiced: false },
  k: { manner: "stop", noiseCentre: 2200, noiseBandwidth: 1200, voiced: false },
  d: { manner: "stop", noiseCentre: 3500, noiseBandwidth: 2500, voiced: true },
  s: { manner: "fricative", noiseCentre: 5500, noiseBandwidth: 2000, voiced: false },
  sh: { manner: "fricative", noiseCentre: 3000, noiseBandwidth: 1500, voiced: false },
  f: { manner: "fricative", noiseCentre: 4500, noiseBandwidth: 5000, voiced: false },
  m: { manner: "nasal", noiseCentre: 280, noiseBandwidth: 100, voiced: true },
  n: { manner: "nasal", noiseCentre: 300, noiseBandwidth: 120, voiced: true },
  l: { manner: "nasal", noiseCentre: 380, noiseBandwidth: 150, voiced: true },
};

export const CONSONANT_NAMES = Object.keys(CONSONANTS);
