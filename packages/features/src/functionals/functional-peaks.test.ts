import { describe, expect, it } from "vitest";
import { PEAKS_OUTPUTS, peaks } from "./functional-peaks.js";
import { functionalSeries } from "./functional-series.js";

const options = { outputs: PEAKS_OUTPUTS, relThreshold: 0.1, norm: "seconds" } as const;
const slopes = [
  "numPeaks",
  "meanRisingSlope",
  "stddevRisingSlope",
  "meanFallingSlope",
  "stddevFallingSlope",
] as const;

// Maxima 3 (frame 3) and 4 (frame 10), minimum 0 (frame 6), then down to 1 at frame 15 (frames
// 0, 1, n − 2 and n − 1 are never extrema). Range 4, mean 26 / 16.
const twoPeaks = functionalSeries(Float32Array.of(0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1, 0, 1));

describe("peaks", () => {
  it("gives peaks per second and the slopes between extrema, the end slope in the mean only", () => {
    const [perSecond, meanRising, stddevRising, meanFalling, stddevFalling] = peaks(
      twoPeaks,
      { ...options, outputs: slopes },
      0.01,
    );
    expect(perSecond).toBeCloseTo(2 / 0.16, 4);
    expect(meanRising).toBeCloseTo(100, 3);
    expect(stddevRising).toBeCloseTo(0, 3);
    // Falling: 3 per 3 frames, and the end slope (1 − 4) / 5 frames = −60 per second.
    expect(meanFalling).toBeCloseTo(20, 3);
    expect(stddevFalling).toBeCloseTo(Math.sqrt((100 - 20) ** 2 / 2), 3);
  });

  it("describes the peaks: distance in seconds, range and mean, absolute and relative", () => {
    const value = Object.fromEntries(
      PEAKS_OUTPUTS.map((output, i) => [output, peaks(twoPeaks, options, 0.01)[i]]),
    );
    expect(value.meanPeakDist).toBeCloseTo(0.07, 7);
    expect(value.peakRangeAbs).toBe(1);
    expect(value.peakRangeRel).toBe(0.25);
    expect(value.peakMeanAbs).toBe(3.5);
    expect(value.peakMeanMeanDist).toBe(3.5 - 26 / 16);
    expect(value.peakMeanRel).toBeCloseTo(3.5 / (26 / 16), 6);
    expect(value.minRangeRel).toBe(0);
  });

  it("measures the peak distances' deviation from the minimum before each peak", () => {
    // One distance of 7 frames, but 10 − 6 = 4 from the minimum: |4 − 7| = 3 frames.
    const [stddev] = peaks(twoPeaks, { ...options, outputs: ["peakDistStddev"] }, 0.01);
    expect(stddev).toBeCloseTo(0.03, 7);
  });

  it("soft-limits the peak-to-mean ratio below 20, and gives 20 when the mean is 0", () => {
    const ratio = (values: number[]) =>
      peaks(
        functionalSeries(Float32Array.from(values)),
        { ...options, outputs: ["peakMeanRel"] },
        0.01,
      )[0];
    expect(ratio([0, -1, -2, 2, -2, 2, -2, 1, 1, 1])).toBe(20);
    // Peaks 3 and 3 over a mean of 0.2: 15, beyond 10 bent to 10 + 10·tanh((√(15 − 10 + 1) − 1) / 5).
    expect(ratio([0, 0, 0, 3, -1, 3, -1, -1, -1, 0])).toBeCloseTo(
      10 + 10 * Math.tanh((Math.sqrt(6) - 1) / 5),
      5,
    );
  });

  it("ignores extrema that rise less than the threshold share of the range", () => {
    const contour = Float32Array.of(0, 0, 10, 9.8, 9.9, 9.7, 0, 0);
    expect(peaks(functionalSeries(contour), options, 0.01)[0]).toBeCloseTo(1 / 0.08, 4);
  });

  it("gives (last − first) / n, not per second, for a contour without extrema", () => {
    const rising = functionalSeries(Float32Array.of(0, 1, 2, 3, 4, 5));
    const [perSecond, meanRising, , meanFalling] = peaks(
      rising,
      { ...options, outputs: slopes },
      0.01,
    );
    expect(perSecond).toBe(0);
    expect(meanRising).toBeCloseTo(5 / 6, 6);
    expect(meanFalling).toBe(0);
  });
});
