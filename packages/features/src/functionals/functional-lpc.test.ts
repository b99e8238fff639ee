import { describe, expect, it } from "vitest";
import { lpc, lpcOutputNames } from "./functional-lpc.js";
import { functionalSeries } from "./functional-series.js";

describe("lpc", () => {
  it("names the gain, then the coefficients from firstCoeff", () => {
    expect(lpcOutputNames({ gain: true, order: 5, firstCoeff: 0 })).toEqual([
      "lpgain",
      "lpc0",
      "lpc1",
      "lpc2",
      "lpc3",
      "lpc4",
    ]);
    expect(lpcOutputNames({ gain: false, order: 5, firstCoeff: 3 })).toEqual(["lpc3", "lpc4"]);
  });

  it("gives the prediction error over the frame count and a[0] = −r1 / r0 at order 1", () => {
    // r0 = 1.328125, r1 = 0.65625.
    const [gain, a0] = lpc(functionalSeries(Float32Array.of(1, 0.5, 0.25, 0.125)), {
      gain: true,
      order: 1,
      firstCoeff: 0,
    });
    expect(a0).toBeCloseTo(-0.65625 / 1.328125, 6);
    expect(gain).toBeCloseTo((1.328125 - 0.65625 ** 2 / 1.328125) / 4, 6);
  });

  it("gives zeros, gain included, for a contour of zeros", () => {
    const series = functionalSeries(new Float32Array(8));
    expect(lpc(series, { gain: true, order: 3, firstCoeff: 0 })).toEqual([0, 0, 0, 0]);
  });
});
