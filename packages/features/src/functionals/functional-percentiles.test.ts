import { describe, expect, it } from "vitest";
import { percentiles, percentilesOutputNames } from "./functional-percentiles.js";
import { functionalSeries } from "./functional-series.js";

const options = { percentiles: [0.2, 0.5, 0.8], ranges: [[0, 2]] as const };
const compare = {
  quartiles: true,
  iqr: true,
  percentiles: [0.01, 0.99],
  ranges: [[0, 1]] as const,
};

describe("percentiles", () => {
  it("names them as openSMILE does", () => {
    expect(percentilesOutputNames(options)).toEqual([
      "percentile20.0",
      "percentile50.0",
      "percentile80.0",
      "pctlrange0-2",
    ]);
    expect(percentilesOutputNames(compare)).toEqual([
      "quartile1",
      "quartile2",
      "quartile3",
      "iqr1-2",
      "iqr2-3",
      "iqr1-3",
      "percentile1.0",
      "percentile99.0",
      "pctlrange0-1",
    ]);
  });

  it("interpolates linearly between the sorted values and gives the range between two", () => {
    const values = percentiles(functionalSeries(Float32Array.of(5, 1, 4, 2, 3)), options);
    expect(values.map((value) => Number(value.toFixed(5)))).toEqual([1.8, 3, 4.2, 2.4]);
  });

  it("gives the quartiles and their signed differences before the percentiles", () => {
    const values = percentiles(functionalSeries(Float32Array.of(5, 1, 4, 2, 3, 9)), compare);
    // Sorted 1 2 3 4 5 9: quartiles at 1.25, 2.5 and 3.75 of 5.
    expect(values.map((value) => Number(value.toFixed(5)))).toEqual([
      2.25, 3.5, 4.75, 1.25, 1.25, 2.5, 1.05, 8.8, 7.75,
    ]);
  });

  it("gives the single value for every percentile of one frame", () => {
    expect(percentiles(functionalSeries(Float32Array.of(7)), options)).toEqual([7, 7, 7, 0]);
  });
});
