// Speakers: neutral F0, vocal-tract length (formant scale), personal tempo and level. Ranges follow
// adult speech norms (male F0 ~85-155 Hz, female ~165-255 Hz; female formants ~15 % higher).
import type { Random } from "@emotion-stream/core";

export type Gender = "male" | "female";

export interface Voice {
  readonly speaker: string;
  readonly gender: Gender;
  readonly neutralF0: number;
  readonly formantScale: number;
  readonly tempo: number;
  readonly levelDb: number;
  readonly breathiness: number;
}

export function drawVoice(speaker: string, gender: Gender, random: Random): Voice {
  const male = gender === "male";
  return {
    speaker,
    gender,
    neutralF0: clamp(
      random.normal(male ? 115 : 205, male ? 14 : 20),
      male ? 85 : 160,
      male ? 160 : 260,
    ),
    formantScale: clamp(random.normal(male ? 1 : 1.15, 0.04), 0.9, 1.3),
    tempo: clamp(random.normal(1, 0.07), 0.85, 1.15),
    levelDb: random.normal(0, 1.5),
    breathiness: clamp(random.normal(male ? 0.02 : 0.04, 0.015), 0, 0.1),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
