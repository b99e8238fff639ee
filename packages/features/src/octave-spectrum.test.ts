import { describe, expect, it } from "vitest";
import { OctaveSpectrum } from "./octave-spectrum.js";

// GeMAPS at 16 kHz: 960-sample frames padded to 1024, so 513 bins of 15.625 Hz.
const bins = 513;
const fftFrameSeconds = 0.06 * (1024 / 960);
const deltaF = 1 / Math.fround(fftFrameSeconds);

function spectrumWithLines(frequencies: readonly number[]): Float32Array {
  const magnitudes = new Float32Array(bins);
  for (let k = 0; k < bins; k += 1) {
    for (const frequency of frequencies) {
      magnitudes[k] =
        (magnitudes[k] as number) + Math.exp(-0.5 * ((k - frequency / deltaF) / 1.5) ** 2);
    }
  }
  return magnitudes;
}

describe("OctaveSpectrum", () => {
  const octave = new OctaveSpectrum({ bins, fftFrameSeconds });
  const step = (octave.lastLog2 - octave.firstLog2) / (bins - 1);
  const pointOf = (frequency: number) => (Math.log2(frequency) - octave.firstLog2) / step;

  it("spans 25 Hz to the Nyquist bin in as many points as bins, with cSpecScale's metadata", () => {
    expect(octave.output.length).toBe(bins);
    expect(octave.minFrequency).toBe(25);
    expect(octave.firstLog2).toBe(Math.fround(Math.log2(25)));
    expect(octave.lastLog2).toBeCloseTo(Math.log2(8000), 5);
    expect(octave.octaves).toBeCloseTo(Math.log2(8000 / 25), 5);
    expect(octave.pointsPerOctave).toBeCloseTo(bins / Math.log2(8000 / 25), 4);
  });

  it("puts each spectral line at its frequency's point of the log2 axis", () => {
    const lines = [300, 1200, 3000];
    octave.compute(spectrumWithLines(lines));
    for (const frequency of lines) {
      const expected = pointOf(frequency);
      let best = Math.floor(expected) - 3;
      for (let i = best; i <= Math.ceil(expected) + 3; i += 1) {
        if ((octave.output[i] as number) > (octave.output[best] as number)) best = i;
      }
      expect(Math.abs(best - expected)).toBeLessThanOrEqual(1);
    }
  });

  // cSpecScale's weighting is 0.5 + atan(3 (i + 1 - s) / P) / pi over points i, P points per
  // octave, s = P log2(65 / 50) - 1: half weight 65/50 of the way into the axis' first octave.
  it("weights a flat spectrum by the ear's sensitivity: half at 32.5 Hz, nearly full above 1 kHz", () => {
    octave.compute(new Float32Array(bins).fill(1));
    const at = (frequency: number) => octave.output[Math.round(pointOf(frequency))] as number;
    expect(at(25)).toBeLessThan(0.45);
    expect(at(32.5)).toBeCloseTo(0.5, 1);
    expect(at(65)).toBeCloseTo(0.9, 1);
    expect(at(1000)).toBeGreaterThan(0.95);
    expect(at(1000)).toBeLessThan(at(7000));
    expect(at(7000)).toBeGreaterThan(0.98);
    for (let i = Math.ceil(pointOf(100)); i < bins - 1; i += 1) {
      expect(octave.output[i + 1] as number).toBeGreaterThanOrEqual(
        (octave.output[i] as number) - 1e-6,
      );
    }
  });

  it("keeps openSMILE's single-peak quirk: one maximum wipes every bin from the fourth on", () => {
    const magnitudes = new Float32Array(bins);
    for (let k = 0; k < bins; k += 1) magnitudes[k] = 1 / (1 + Math.abs(k - 100));
    octave.compute(magnitudes);
    const above = octave.output.subarray(Math.ceil(pointOf(200)));
    expect(Math.max(...above)).toBeLessThan(1e-6);
  });

  it("maps silence to silence", () => {
    octave.compute(new Float32Array(bins));
    expect(octave.output.every((value) => value === 0)).toBe(true);
  });
});
