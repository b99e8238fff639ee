import { describe, expect, it } from "vitest";
import { SEGMENTS_OUTPUTS, segments } from "./functional-segments.js";
import { functionalSeries } from "./functional-series.js";

// Two voiced runs (frames 1-4 and 7-9) and three pauses, the middle one 2 frames long.
const contour = functionalSeries(Float32Array.of(0, 5, 5, 5, 5, 0, 0, 5, 5, 5, 0, 0, 0));
const outputs = ["numSegments", "meanSegLen", "segLenStddev"] as const;

describe("segments", () => {
  it("counts runs other than X, each one frame shorter than it is, in seconds", () => {
    const [perSecond, mean, longest, shortest, stddev] = segments(
      contour,
      { algorithm: "nonX", x: 0, maxSegments: 1000, outputs: SEGMENTS_OUTPUTS },
      0.01,
    );
    expect(perSecond).toBeCloseTo(2 / 0.13, 4);
    expect(mean).toBeCloseTo(0.025, 7);
    expect(longest).toBeCloseTo(0.03, 7);
    expect(shortest).toBeCloseTo(0.02, 7);
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
      segments(
        silence,
        { algorithm: "nonX", x: 0, maxSegments: 1000, outputs: SEGMENTS_OUTPUTS },
        0.01,
      ),
    ).toEqual([0, 0, 0, 0, 0]);
    expect(
      segments(
        silence,
        {
          algorithm: "relTh",
          thresholds: [0.25, 0.75],
          maxSegments: 100,
          outputs: SEGMENTS_OUTPUTS,
        },
        0.01,
      ),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  describe("relTh", () => {
    // 3-frame running mean: 0 ×4, 3.3, 6.7, 10 ×3, 6.7, 3.3, 0 ×7, 3.3, 6.7 (range 0..10).
    const steps = functionalSeries(
      Float32Array.of(0, 0, 0, 0, 10, 10, 10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 10),
    );
    const lengths = ["meanSegLen", "maxSegLen", "minSegLen", "segLenStddev"] as const;

    it("ends a segment where the running mean crosses a threshold, not within 2 frames of the last", () => {
      // Crossings at frames 4 (2.5 up), 6 (7.5 up, too close), 9 (7.5 down), 11 (2.5 down, too
      // close) and 18 (2.5 up); the first segment counts from frame −1: lengths 5, 5 and 9.
      const [mean, longest, shortest, stddev] = segments(
        steps,
        { algorithm: "relTh", thresholds: [0.25, 0.75], maxSegments: 100, outputs: lengths },
        0.01,
      );
      expect(mean).toBeCloseTo(0.19 / 3, 7);
      expect(longest).toBeCloseTo(0.09, 7);
      expect(shortest).toBeCloseTo(0.05, 7);
      expect(stddev).toBeCloseTo(0.01 * Math.sqrt(32 / 9), 7);
    });

    it("keeps boundaries more than n / maxSegments − 1 frames apart, the first from half that", () => {
      // 20 frames, 4 segments at most: 4 frames apart, the first counted from frame −2.
      const [longest, shortest] = segments(
        steps,
        {
          algorithm: "relTh",
          thresholds: [0.25, 0.75],
          maxSegments: 4,
          outputs: ["maxSegLen", "minSegLen"],
        },
        0.01,
      );
      expect(longest).toBeCloseTo(0.09, 7);
      expect(shortest).toBeCloseTo(0.05, 7);
      const [first] = segments(
        steps,
        { algorithm: "relTh", thresholds: [0.25], maxSegments: 4, outputs: ["maxSegLen"] },
        0.01,
      );
      // Only 2.5 is a threshold: crossings at 4 (length 6 from −2), 11 (7), 18 (7).
      expect(first).toBeCloseTo(0.07, 7);
    });
  });
});
