import { describe, expect, it } from "vitest";
import { functionalSeries } from "./functional-series.js";
import { TIMES_OUTPUTS, times } from "./functional-times.js";

// min 0, max 3: levels 0.75, 1.5, 2.25, 2.7; two rises and one fall in four steps; curvatures at
// frames 1-3: left (1 → 2), right (2 → −1), left (−1 → 0).
const contour = functionalSeries(Float32Array.of(0, 1, 3, 2, 2));

describe("times", () => {
  it("gives shares of the frames with norm segment: above/at most each level, rises, curvatures", () => {
    expect(times(contour, { outputs: TIMES_OUTPUTS, norm: "segment" }, 0.01)).toEqual(
      [0.8, 0.2, 0.6, 0.4, 0.2, 0.8, 0.2, 0.8, 0.5, 0.25, 2 / 3, 1 / 3, 5].map(Math.fround),
    );
  });

  it("counts frames with norm frame, rises and curvatures scaled by n / (n − 1) and n / (n − 2)", () => {
    const [up25, rise, left] = times(
      contour,
      { outputs: ["upleveltime25", "risetime", "leftctime"], norm: "frame" },
      0.01,
    );
    expect(up25).toBe(4);
    expect(rise).toBeCloseTo(2.5, 6);
    expect(left).toBeCloseTo(10 / 3, 5);
  });

  it("gives seconds with norm seconds (buggySecNorm = 0)", () => {
    const [up25, rise, duration] = times(
      contour,
      { outputs: ["upleveltime25", "risetime", "duration"], norm: "seconds" },
      0.01,
    );
    expect(up25).toBeCloseTo(0.04, 7);
    expect(rise).toBeCloseTo(0.025, 7);
    expect(duration).toBeCloseTo(0.05, 7);
  });

  it("gives 0 rise time and −0 curvature for a single frame, as openSMILE divides by n − 2", () => {
    const [rise, left] = times(
      functionalSeries(Float32Array.of(7)),
      { outputs: ["risetime", "leftctime"], norm: "segment" },
      0.01,
    );
    expect(rise).toBe(0);
    expect(Object.is(left, -0)).toBe(true);
  });
});
