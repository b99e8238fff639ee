import { describe, expect, it } from "vitest";
import { percentiles, percentilesOutputNames } from "./functional-percentiles.js";
import { functionalSeries } from "./functional-series.js";

const options = { percentiles: [0.2, 0.5, 0.8], ranges: [[0, 2]] as const };

describe("percentiles", () => {
  it("names them as openSMILE does", () => {
    expect(percentilesOutputNames(options)).toEqual([
      "percentile20.0",
      "percentile50.0",
      "percentile80.0",
      "pctlrange0-2",
    ]);
  });

  it("interpolates linearly between the sorted values and gives the range between two", () => {
    const values = percentiles(functionalSeries(Float32Array.of(5, 1, 4, 2, 3)), options);
    expect(values.map((value) => Number(value.toFixed(5)))).toEqual([1.8, 3, 4.2, 2.4]);
  });

  it("gives the single value for every percentile of one frame", () => {
    expect(percentiles(functionalSeries(Float32Array.of(7)), options)).toEqual([7, 7, 7, 0]);
  });
});
