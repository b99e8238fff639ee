import { describe, expect, it } from "vitest";
import {
  alphaRatioDb,
  BandSlope,
  binsBelow,
  hammarbergIndexDb,
  powerDecibels,
  SpectralFlux,
} from "./gemaps-spectral-shape.js";

/** A 20 ms frame at 16 kHz padded to 512 points: 257 bins 31.25 Hz apart. */
const BINS = 257;
const BIN_HZ = 1 / (0.02 * (512 / 320));

function spectrum(valueAt: (hz: number) => number): Float32Array {
  return Float32Array.from({ length: BINS }, (_, k) => valueAt(k * BIN_HZ));
}

describe("alphaRatioDb", () => {
  it("is 10 log10 of the 1-5 kHz energy over the 0-1 kHz energy, 5 kHz included", () => {
    // 32 bins below 1 kHz at 1, 129 bins from 1000 to 5000 Hz at 0.01, more above 5 kHz.
    const powers = spectrum((hz) => (hz < 1000 ? 1 : hz <= 5000 ? 0.01 : 100));
    expect(alphaRatioDb(powers, BIN_HZ)).toBeCloseTo(10 * Math.log10(1.29 / 32), 5);
  });

  it("is 0 without energy below 1 kHz and floors an empty upper band at 1e-14", () => {
    expect(
      alphaRatioDb(
        spectrum((hz) => (hz < 1000 ? 0 : 1)),
        BIN_HZ,
      ),
    ).toBe(0);
    const lowOnly = spectrum((hz) => (hz < 1000 ? 1 : 0));
    expect(alphaRatioDb(lowOnly, BIN_HZ)).toBeCloseTo(10 * Math.log10(1e-14 / 32), 4);
  });
});

describe("hammarbergIndexDb", () => {
  it("is 10 log10 of the strongest bin below 2 kHz over the strongest in 2-5 kHz", () => {
    const powers = new Float32Array(BINS);
    powers[10] = 4;
    powers[100] = 0.04;
    powers[200] = 1000;
    expect(hammarbergIndexDb(powers, BIN_HZ)).toBeCloseTo(20, 5);
  });

  it("is 0 without energy in 2-5 kHz", () => {
    expect(
      hammarbergIndexDb(
        spectrum((hz) => (hz < 2000 ? 1 : 0)),
        BIN_HZ,
      ),
    ).toBe(0);
  });
});

describe("powerDecibels", () => {
  it("is 10 log10 of the power, floored at -140 dB", () => {
    expect(powerDecibels(1)).toBe(0);
    expect(powerDecibels(100)).toBeCloseTo(20, 5);
    expect(powerDecibels(0)).toBe(-140);
  });
});

describe("BandSlope", () => {
  it("recovers the slope of a dB spectrum that is a line through 0 dB at 0 Hz", () => {
    const powers = spectrum((hz) => 10 ** ((-0.02 * hz) / 10));
    expect(new BandSlope(0, 500, BINS, BIN_HZ).compute(powers)).toBeCloseTo(-0.02, 7);
    expect(new BandSlope(500, 1500, BINS, BIN_HZ).compute(powers)).toBeCloseTo(-0.02, 7);
  });

  it("gives a flat spectrum a slope, as openSMILE counts one point fewer than it sums", () => {
    // -L Sf / (N S2f - Sf^2) with N = 16 for bins 0..16 and 32 for bins 16..48: digital silence
    // (-140 dB) has slopes 0.112 and 0.0763636 in openSMILE's output too.
    const silence = new Float32Array(BINS);
    expect(new BandSlope(0, 500, BINS, BIN_HZ).compute(silence)).toBeCloseTo(0.112, 7);
    expect(new BandSlope(500, 1500, BINS, BIN_HZ).compute(silence)).toBeCloseTo(
      (140 * 1056) / (BIN_HZ * 61952),
      7,
    );
  });
});

describe("binsBelow", () => {
  it("counts the bins below a frequency, capped at the spectrum", () => {
    expect(binsBelow(5000, BINS, BIN_HZ)).toBe(160);
    expect(binsBelow(5000, 129, BIN_HZ)).toBe(129);
  });
});

describe("SpectralFlux", () => {
  it("is 0 on the first frame, then the RMS change of the magnitudes below 5 kHz", () => {
    const flux = new SpectralFlux(binsBelow(5000, BINS, BIN_HZ));
    expect(flux.compute(spectrum(() => 1))).toBe(0);
    expect(flux.compute(spectrum((hz) => (hz < 5000 ? 1.5 : 100)))).toBeCloseTo(0.5, 7);
    expect(flux.compute(spectrum((hz) => (hz < 5000 ? 1.5 : 0)))).toBe(0);
  });
});
