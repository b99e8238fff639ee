import { describe, expect, it } from "vitest";
import { segments } from "./functional-segments.js";
import { functionalSeries } from "./functional-series.js";

// Two voiced runs (frames 1-4 and 7-9) and three pauses, the middle one 2 frames long.
const contour = functionalSeries(Float32Array.of(0, 5, 5, 5, 5, 0, 0, 5, 5, 5, 0, 0, 0));
const outputs = ["numSegments", "meanSegLen", "segLenStddev"] as const;

describe("segments", () => {
  it("counts runs other than X, each one frame shorter than it is, in seconds", () => {
    const [perSecond, mean, stddev] = segments(
      contour,
      { algorithm: "nonX", x: 0, maxSegments: 1000, outputs },
      0.01,
    );
    expect(perSecond).toBeCloseTo(2 / 0.13, 4);
    expect(mean).toBeCloseTo(0.025, 7);
    expect(stddev).toBeCloseTo(0.005, 7);
  });

  it("takes runs of X as segments for eqX, only from 3 frames on, closing the last at the end", () => {
    const [perSecond, mean, stddev] = segments(
      contour,
      { algorithm: "eqX", x: 0, maxSegments: 1000, outputs },
      0.01,
    );
    expect(perSecond).toBeCloseTo(1 / 0.13, 4);
    expect(mean).toBeCloseTo(0.02, 7);
    expect(stddev).toBe(0);
  });

  it("gives 0 when there is no segment", () => {
    const silence = functionalSeries(new Float32Array(20));
    expect(
      segments(silence, { algorithm: "nonX", x: 0, maxSegments: 1000, outputs }, 0.01),
    ).toEqual([0, 0, 0]);
  });
});
