import { describe, expect, it } from "vitest";
import { REGRESSION_OUTPUTS, regression } from "./functional-regression.js";
import { functionalSeries } from "./functional-series.js";
import { ratioLimit } from "./ratio-limit.js";

// t² − 2t + 3 over t = 0..4; its line is 2t + 1, residuals 2, −1, −2, −1, 2.
const parabola = functionalSeries(Float32Array.of(3, 2, 3, 6, 11));
const outputs = ["linregc1", "linregc2", "linregerrQ", "qregc1", "qregc2", "qregc3"] as const;

describe("regression", () => {
  it("fits the line and the parabola over the frame index, with their errors", () => {
    const values = regression(parabola, { outputs: REGRESSION_OUTPUTS }, 0.01);
    const expected = [2, 1, 8 / 5, 14 / 5, 1, -2, 3, 0, 0];
    expected.forEach((value, i) => {
      expect(values[i]).toBeCloseTo(value, 5);
    });
  });

  it("maps values to 0..1 by the range with normInputs (min 2, range 9)", () => {
    const values = regression(parabola, { outputs, normInputs: true }, 0.01);
    const expected = [2 / 9, -1 / 9, 2.8 / 81, 1 / 9, -2 / 9, 1 / 9];
    expected.forEach((value, i) => {
      expect(values[i]).toBeCloseTo(value, 6);
    });
  });

  it("gives coefficients per second with normRegCoeff seconds and per segment with segment", () => {
    const perSecond = regression(parabola, { outputs, normRegCoeff: "seconds" }, 0.01);
    [200, 1, 14 / 5, 10000, -200, 3].forEach((value, i) => {
      expect(perSecond[i]).toBeCloseTo(value, 2);
    });
    const perSegment = regression(parabola, { outputs, normRegCoeff: "segment" }, 0.01);
    [8, 1, 14 / 5, 16, -8, 3].forEach((value, i) => {
      expect(perSegment[i]).toBeCloseTo(value, 4);
    });
  });

  it("sums the parabola's errors with oldBuggyQerr and averages them without", () => {
    const bent = functionalSeries(Float32Array.of(0, 1, 0, 1, 0));
    const [summed] = regression(bent, { outputs: ["qregerrQ"] }, 0.01);
    const [averaged] = regression(bent, { outputs: ["qregerrQ"], oldBuggyQerr: false }, 0.01);
    expect(averaged).toBeCloseTo((summed as number) / 5, 7);
    expect(averaged).toBeGreaterThan(0);
  });

  it("soft-limits a slope steeper than a tenth of the range per frame with doRatioLimit", () => {
    const steep = functionalSeries(Float32Array.of(0, 100));
    const [slope] = regression(steep, { outputs: ["linregc1"], doRatioLimit: true }, 0.01);
    expect(slope).toBe(ratioLimit(100, 10, Math.fround(10.01)));
    expect(slope).toBeLessThan(20.01);
  });

  it("gives the |value|-weighted mean frame index over n as the centroid", () => {
    const series = functionalSeries(Float32Array.of(-1, 0, 0, 3));
    expect(regression(series, { outputs: ["centroid"] }, 0.01)).toEqual([Math.fround(9 / 4 / 4)]);
    // Signed weights: 9 / 2 frames, beyond n = 4, soft-limited towards 8 (then over n).
    const [signed] = regression(
      series,
      { outputs: ["centroid"], centroidUseAbsValues: false },
      0.01,
    );
    expect(signed).toBe(Math.fround(ratioLimit(4.5, 4, 4) / 4));
    const [unlimited] = regression(
      series,
      { outputs: ["centroid"], centroidUseAbsValues: false, centroidRatioLimit: false },
      0.01,
    );
    expect(unlimited).toBe(Math.fround(4.5 / 4));
  });
});
