import { describe, expect, it } from "vitest";
import { OctaveSpectrum } from "./octave-spectrum.js";
import { PitchShs } from "./pitch-shs.js";

// GeMAPS at 16 kHz: 513 bins of 15.625 Hz.
const bins = 513;
const fftFrameSeconds = 0.06 * (1024 / 960);
const deltaF = 1 / Math.fround(fftFrameSeconds);

/** A linear magnitude spectrum with lobes at the harmonics of f0 (amplitude 1/h) up to 4 kHz. */
function harmonicSpectrum(f0: number): Float32Array {
  const magnitudes = new Float32Array(bins);
  for (let h = 1; h * f0 <= 4000; h += 1) {
    const centre = (h * f0) / deltaF;
    for (let k = 0; k < bins; k += 1) {
      magnitudes[k] = (magnitudes[k] as number) + Math.exp(-0.5 * ((k - centre) / 1.2) ** 2) / h;
    }
  }
  return magnitudes;
}

function candidatesOf(magnitudes: Float32Array): PitchShs {
  const octave = new OctaveSpectrum({ bins, fftFrameSeconds });
  const shs = new PitchShs(octave);
  octave.compute(magnitudes);
  shs.compute(octave.output);
  return shs;
}

describe("PitchShs", () => {
  it.each([80, 120, 200, 310])(
    "finds the F0 of a harmonic spectrum (%i Hz) as its best, voiced candidate",
    (f0) => {
      const shs = candidatesOf(harmonicSpectrum(f0));
      expect(shs.candidateCount).toBeGreaterThan(0);
      expect(Math.abs((shs.f0[0] as number) / f0 - 1)).toBeLessThan(0.01);
      expect(shs.voicing[0] as number).toBeGreaterThan(shs.voicingCutoff);
      expect(shs.f0Raw).toBe(shs.f0[0]);
      expect(shs.voicingClip).toBe(shs.voicing[0]);
    },
  );

  it("ranks the best score first and the other candidates by falling score", () => {
    const shs = candidatesOf(harmonicSpectrum(150));
    const { candidateCount, scores } = shs;
    for (let i = 1; i < candidateCount; i += 1) {
      expect(scores[0] as number).toBeGreaterThanOrEqual(scores[i] as number);
      if (i > 1) expect(scores[i - 1] as number).toBeGreaterThanOrEqual(scores[i] as number);
    }
    for (let i = candidateCount; i < shs.candidates; i += 1) {
      expect([shs.f0[i], shs.voicing[i], shs.scores[i]]).toEqual([0, 0, 0]);
    }
  });

  it("keeps only candidates within 55..1000 Hz", () => {
    for (const f0 of [30, 40, 45]) {
      const shs = candidatesOf(harmonicSpectrum(f0));
      for (let i = 0; i < shs.candidateCount; i += 1) {
        expect(shs.f0[i] as number).toBeGreaterThanOrEqual(55);
        expect(shs.f0[i] as number).toBeLessThanOrEqual(1000);
      }
    }
  });

  it("has no candidate in silence", () => {
    const shs = candidatesOf(new Float32Array(bins));
    expect(shs.candidateCount).toBe(0);
    expect(shs.f0.every((value) => value === 0)).toBe(true);
    expect([shs.f0Raw, shs.voicingClip]).toEqual([0, 0]);
  });
});
