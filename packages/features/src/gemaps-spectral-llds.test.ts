import { describe, expect, it } from "vitest";
import { GEMAPS_SPECTRAL_LLD_NAMES, GemapsSpectralLlds } from "./gemaps-spectral-llds.js";

describe("GemapsSpectralLlds", () => {
  it("frames 20 ms with openSMILE's rounding", () => {
    expect(new GemapsSpectralLlds(16000).frameSize).toBe(320);
    expect(new GemapsSpectralLlds(8000).frameSize).toBe(160);
    expect(new GemapsSpectralLlds(44100).frameSize).toBe(882);
  });

  it("writes openSMILE's values for digital silence", () => {
    const llds = new GemapsSpectralLlds(16000);
    expect(llds.dimension).toBe(GEMAPS_SPECTRAL_LLD_NAMES.length);
    const out = new Float32Array(2 * llds.dimension);
    llds.process(new Float32Array(400), 40, out, llds.dimension);
    const expected = [1.033966e-3, 0, 0, 0.112, 0.07636364, 0, 0, 0, 0, 0, 0];
    expected.forEach((value, column) => {
      expect(out[llds.dimension + column], GEMAPS_SPECTRAL_LLD_NAMES[column]).toBeCloseTo(value, 7);
    });
    expect(out.subarray(0, llds.dimension).every((value) => value === 0)).toBe(true);
  });

  it("gives the mean squared sample of the raw frame as the last value", () => {
    const llds = new GemapsSpectralLlds(16000);
    const out = new Float32Array(llds.dimension);
    llds.process(new Float32Array(320).fill(-0.5), 0, out, 0);
    expect(out[llds.dimension - 1]).toBe(0.25);
  });

  it("is a spectral flux of 0 on its first frame only", () => {
    const llds = new GemapsSpectralLlds(16000);
    const noise = Float32Array.from({ length: 480 }, (_, t) => Math.sin(t * t));
    const out = new Float32Array(llds.dimension);
    llds.process(noise, 0, out, 0);
    expect(out[5]).toBe(0);
    llds.process(noise, 160, out, 0);
    expect(out[5]).toBeGreaterThan(0);
  });
});
