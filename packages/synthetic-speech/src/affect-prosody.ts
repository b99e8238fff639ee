// Per-class vocal affect, drawn per utterance from overlapping distributions. Directions and rough
// sizes follow the reviews of Juslin & Laukka (2003, Psychol. Bull. 129:770) and Banse & Scherer
// (1996, JPSP 70:614): anger and joy are high, wide, loud and fast, anger more pressed (flatter
// spectral tilt) with falling accents, joy higher with rising ones; sadness low, narrow, soft, slow,
// breathy and irregular; tenderness/contentment (our Pleasure) low-moderate, soft, slow but smooth.
import type { QuadrantClass, Random } from "@emotion-stream/core";

interface Distribution {
  readonly mean: number;
  readonly sd: number;
}

interface AffectProfile {
  /** Mean F0 as a factor of the speaker's neutral F0. */
  readonly f0Factor: Distribution;
  /** Height of pitch accents in semitones. */
  readonly accentSemitones: Distribution;
  /** Level relative to the speaker's neutral level, dB. */
  readonly intensityDb: Distribution;
  /** Articulation rate as a factor of the neutral rate. */
  readonly tempo: Distribution;
  /** Glottal open quotient: low is pressed (flat tilt), high is breathy (steep tilt). */
  readonly openQuotient: Distribution;
  /** Aspiration noise relative to the voiced source. */
  readonly breathiness: Distribution;
  /** Cycle-to-cycle F0 perturbation, relative. */
  readonly jitter: Distribution;
  /** Cycle-to-cycle amplitude perturbation, relative. */
  readonly shimmer: Distribution;
  /** -1: accents fall steeply after the peak; +1: they rise into the next syllable. */
  readonly accentSkew: Distribution;
  /** Attack time of syllable onsets, seconds: abrupt in anger, soft in sadness. */
  readonly attackSeconds: Distribution;
  readonly pauseProbability: number;
}

const d = (mean: number, sd: number): Distribution => ({ mean, sd });

export const AFFECT_PROFILES: Readonly<Record<QuadrantClass, AffectProfile>> = {
  joy: {
    f0Factor: d(1.3, 0.09),
    accentSemitones: d(6.5, 1.8),
    intensityDb: d(4, 2.2),
    tempo: d(1.1, 0.08),
    openQuotient: d(0.52, 0.06),
    breathiness: d(0.04, 0.02),
    jitter: d(0.008, 0.003),
    shimmer: d(0.05, 0.02),
    accentSkew: d(0.5, 0.35),
    attackSeconds: d(0.02, 0.006),
    pauseProbability: 0.15,
  },
  anger: {
    f0Factor: d(1.22, 0.09),
    accentSemitones: d(5.5, 1.8),
    intensityDb: d(7, 2.2),
    tempo: d(1.14, 0.08),
    openQuotient: d(0.42, 0.05),
    breathiness: d(0.02, 0.01),
    jitter: d(0.011, 0.004),
    shimmer: d(0.07, 0.02),
    accentSkew: d(-0.6, 0.3),
    attackSeconds: d(0.008, 0.003),
    pauseProbability: 0.15,
  },
  sadness: {
    f0Factor: d(0.93, 0.05),
    accentSemitones: d(2.0, 0.9),
    intensityDb: d(-6, 2.2),
    tempo: d(0.8, 0.06),
    openQuotient: d(0.68, 0.05),
    breathiness: d(0.1, 0.03),
    jitter: d(0.016, 0.005),
    shimmer: d(0.09, 0.03),
    accentSkew: d(-0.4, 0.3),
    attackSeconds: d(0.045, 0.012),
    pauseProbability: 0.4,
  },
  pleasure: {
    f0Factor: d(0.99, 0.05),
    accentSemitones: d(3.5, 1.1),
    intensityDb: d(-3, 2.2),
    tempo: d(0.89, 0.06),
    openQuotient: d(0.62, 0.05),
    breathiness: d(0.07, 0.02),
    jitter: d(0.007, 0.003),
    shimmer: d(0.05, 0.02),
    accentSkew: d(0.3, 0.3),
    attackSeconds: d(0.035, 0.01),
    pauseProbability: 0.25,
  },
};

/** One utterance's prosody: a draw from its class profile. */
export interface AffectProsody {
  readonly f0Factor: number;
  readonly accentSemitones: number;
  readonly intensityDb: number;
  readonly tempo: number;
  readonly openQuotient: number;
  readonly breathiness: number;
  readonly jitter: number;
  readonly shimmer: number;
  readonly accentSkew: number;
  readonly attackSeconds: number;
  readonly pauseProbability: number;
}

export function drawAffectProsody(emotion: QuadrantClass, random: Random): AffectProsody {
  const profile = AFFECT_PROFILES[emotion];
  const draw = ({ mean, sd }: Distribution, low: number, high: number) =>
    Math.min(high, Math.max(low, random.normal(mean, sd)));
  return {
    f0Factor: draw(profile.f0Factor, 0.7, 1.7),
    accentSemitones: draw(profile.accentSemitones, 0.5, 12),
    intensityDb: draw(profile.intensityDb, -14, 14),
    tempo: draw(profile.tempo, 0.6, 1.5),
    openQuotient: draw(profile.openQuotient, 0.3, 0.8),
    breathiness: draw(profile.breathiness, 0, 0.3),
    jitter: draw(profile.jitter, 0, 0.04),
    shimmer: draw(profile.shimmer, 0, 0.2),
    accentSkew: draw(profile.accentSkew, -1, 1),
    attackSeconds: draw(profile.attackSeconds, 0.003, 0.08),
    pauseProbability: profile.pauseProbability,
  };
}
