import { describe, expect, it } from "vitest";
import { PEAKS_OUTPUTS, peaks } from "./functional-peaks.js";
import { functionalSeries } from "./functional-series.js";

const options = { outputs: PEAKS_OUTPUTS, relThreshold: 0.1, norm: "seconds" } as const;

describe("peaks", () => {
  it("gives peaks per second and the slopes between extrema, the end slope in the mean only", () => {
    // Maxima 3 (frame 3) and 4 (frame 10), minimum 0 (frame 6), then down to 1 at frame 15.
    const contour = Float32Array.of(0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1, 0, 1);
    const [perSecond, meanRising, stddevRising, meanFalling, stddevFalling] = peaks(
      functionalSeries(contour),
      options,
      0.01,
    );
    expect(perSecond).toBeCloseTo(2 / 0.16, 4);
    expect(meanRising).toBeCloseTo(100, 3);
    expect(stddevRising).toBeCloseTo(0, 3);
    // Falling: 3 per 3 frames, and the end slope (1 − 4) / 5 frames = −60 per second.
    expect(meanFalling).toBeCloseTo(20, 3);
    expect(stddevFalling).toBeCloseTo(Math.sqrt((100 - 20) ** 2 / 2), 3);
  });

  it("ignores extrema that rise less than the threshold share of the range", () => {
    const contour = Float32Array.of(0, 0, 10, 9.8, 9.9, 9.7, 0, 0);
    expect(peaks(functionalSeries(contour), options, 0.01)[0]).toBeCloseTo(1 / 0.08, 4);
  });

  it("gives (last − first) / n, not per second, for a contour without extrema", () => {
    const rising = functionalSeries(Float32Array.of(0, 1, 2, 3, 4, 5));
    const [perSecond, meanRising, , meanFalling] = peaks(rising, options, 0.01);
    expect(perSecond).toBe(0);
    expect(meanRising).toBeCloseTo(5 / 6, 6);
    expect(meanFalling).toBe(0);
  });
});
