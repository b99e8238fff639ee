import { describe, expect, it } from "vitest";
import { MEANS_OUTPUTS, means } from "./functional-means.js";
import { functionalSeries } from "./functional-series.js";

describe("means", () => {
  it("gives the mean, non-zero share, flatness, positive mean and root mean square", () => {
    // Non-zero |values| 2, 4, 1: geometric mean 2; mean |value| 7 / 4; squares sum to 21.
    const series = functionalSeries(Float32Array.of(0, -2, 4, 1));
    expect(means(series, { outputs: MEANS_OUTPUTS, norm: "segment" }, 0.01)).toEqual(
      [0.75, 0.75, 2 / 1.75, 2.5, Math.sqrt(21 / 4)].map(Math.fround),
    );
  });

  it("gives nnz as a count with norm frame and per second with norm seconds", () => {
    const series = functionalSeries(Float32Array.of(0, -2, 4, 1));
    expect(means(series, { outputs: ["nnz"], norm: "frame" }, 0.01)).toEqual([3]);
    expect(means(series, { outputs: ["nnz"], norm: "seconds" }, 0.01)).toEqual([
      Math.fround(3 / Math.fround(0.01)),
    ]);
  });

  it("gives flatness 1 and 0 for the rest of a contour of zeros", () => {
    const series = functionalSeries(new Float32Array(5));
    expect(means(series, { outputs: MEANS_OUTPUTS, norm: "segment" }, 0.01)).toEqual([
      0, 0, 1, 0, 0,
    ]);
  });
});
