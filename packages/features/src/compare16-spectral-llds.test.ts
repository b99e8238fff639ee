import { describe, expect, it } from "vitest";
import { COMPARE16_SPECTRAL_LLD_NAMES, Compare16SpectralLlds } from "./compare16-spectral-llds.js";
import { Compare16Zcr } from "./compare16-zcr.js";
import { zeroCrossingRate } from "./zero-crossing-rate.js";

const column = (name: string) => COMPARE16_SPECTRAL_LLD_NAMES.indexOf(name);

describe("Compare16SpectralLlds", () => {
  it("writes the 58 columns of the LLD file's 20 ms levels in its order", () => {
    expect(new Compare16SpectralLlds(16000).dimension).toBe(58);
    expect(COMPARE16_SPECTRAL_LLD_NAMES.slice(0, 4)).toEqual([
      "audspec_lengthL1norm",
      "audspecRasta_lengthL1norm",
      "pcm_RMSenergy",
      "audSpec_Rfilt[0]",
    ]);
    expect(COMPARE16_SPECTRAL_LLD_NAMES.slice(29, 35)).toEqual([
      "pcm_fftMag_fband250-650",
      "pcm_fftMag_fband1000-4000",
      "pcm_fftMag_spectralRollOff25.0",
      "pcm_fftMag_spectralRollOff50.0",
      "pcm_fftMag_spectralRollOff75.0",
      "pcm_fftMag_spectralRollOff90.0",
    ]);
    expect(COMPARE16_SPECTRAL_LLD_NAMES.at(-1)).toBe("mfcc[14]");
  });

  it("frames 20 ms with openSMILE's rounding", () => {
    expect(new Compare16SpectralLlds(16000).frameSize).toBe(320);
    expect(new Compare16SpectralLlds(8000).frameSize).toBe(160);
    expect(new Compare16SpectralLlds(44100).frameSize).toBe(882);
  });

  it("writes openSMILE's values for digital silence", () => {
    const llds = new Compare16SpectralLlds(16000);
    const out = new Float32Array(2 * llds.dimension);
    llds.process(new Float32Array(400), 40, out, llds.dimension);
    const row = out.subarray(llds.dimension);
    expect(row[column("audspec_lengthL1norm")]).toBeCloseTo(1.033966e-3, 9);
    // RASTA's first frames are 0 before the equal-loudness weighting: each band is its weight^0.33
    expect(row[column("audspecRasta_lengthL1norm")]).toBeCloseTo(0.9883412, 6);
    expect(row[column("audSpec_Rfilt[0]")]).toBeCloseTo(0.1292162, 6);
    expect(row[column("pcm_RMSenergy")]).toBe(0);
    expect(row[column("pcm_fftMag_spectralRollOff90.0")]).toBe(31.25);
    expect(row.subarray(column("mfcc[1]"))).toEqual(new Float32Array(14));
    expect(out.subarray(0, llds.dimension)).toEqual(new Float32Array(llds.dimension));
  });

  it("reads only the frame's samples", () => {
    const llds = new Compare16SpectralLlds(16000);
    const samples = Float32Array.from({ length: 320 }, (_, t) => Math.sin(t));
    const padded = new Float32Array(1000).fill(Number.NaN);
    padded.set(samples, 300);
    const alone = new Float32Array(llds.dimension);
    const inside = new Float32Array(llds.dimension);
    llds.process(samples, 0, alone, 0);
    new Compare16SpectralLlds(16000).process(padded, 300, inside, 0);
    expect(inside).toEqual(alone);
  });
});

describe("Compare16Zcr", () => {
  it("is the zero-crossing rate of the 60 ms frame", () => {
    const zcr = new Compare16Zcr(16000);
    expect(zcr.frameSize).toBe(960);
    const samples = Float32Array.from({ length: 2000 }, (_, t) =>
      Math.sin(0.05 * t * (1 + t / 4000)),
    );
    const out = new Float32Array(1);
    zcr.process(samples, 480, out, 0);
    expect(out[0]).toBe(zeroCrossingRate(samples, 480, 960));
  });
});
