import { describe, expect, it } from "vitest";
import { stageRows } from "../test/stage-rows.js";
import { createDeltaRegressionStage, type DeltaRegressionOptions } from "./delta-regression.js";

/** The deltas (not the carried input) of each row of `rows`, the end included. */
const deltasOf = (options: DeltaRegressionOptions, rows: readonly number[][]) =>
  stageRows(createDeltaRegressionStage(options), rows).map((row) =>
    row.slice(options.inputDimension),
  );

describe("delta regression with onlyInSegments", () => {
  it("adds i^2 to the divisor for each pair it uses, for good (openSMILE's running norm)", () => {
    // deltawin 1: the divisor starts at 2; each row's pair adds 1 before its division.
    const deltas = deltasOf({ inputDimension: 1, deltaWindow: 1, onlyInSegments: true }, [
      [1],
      [2],
      [3],
      [4],
    ]);
    // Rows: (2 - 1) / 3, (3 - 1) / 4, (4 - 2) / 5, (4 - 3) / 6, then past the end (4 - 4) / 7.
    expect(deltas.map(([d]) => d)).toEqual([1 / 3, 2 / 4, 2 / 5, 1 / 6, 0].map(Math.fround));
  });

  it("carries the divisor across columns in column order", () => {
    const deltas = deltasOf({ inputDimension: 2, deltaWindow: 1, onlyInSegments: true }, [
      [1, 10],
      [2, 20],
    ]);
    // Row 0: column 0 divides by 3, column 1 by 4; row 1 by 5 and 6.
    expect(deltas.slice(0, 2)).toEqual([
      [1 / 3, 10 / 4].map(Math.fround),
      [1 / 5, 10 / 6].map(Math.fround),
    ]);
  });

  it("leaves out pairs with a zero or NaN, whatever the centre value", () => {
    const deltas = deltasOf({ inputDimension: 1, deltaWindow: 2, onlyInSegments: true }, [
      [3],
      [5],
      [0],
      [9],
      [Number.NaN],
    ]);
    // Divisor 10. Row 0: pairs (3, 5) and (3, 0): only i = 1, 1 * 2 / 11.
    expect(deltas[0]?.[0]).toBe(Math.fround(2 / 11));
    // Row 1: (3, 0) out, (3, 9) at i = 2 adds 4: 2 * 6 / 15.
    expect(deltas[1]?.[0]).toBe(Math.fround(12 / 15));
    // Row 2 (centre 0): (5, 9) at i = 1 adds 1, (3, NaN) out: 4 / 16.
    expect(deltas[2]?.[0]).toBe(Math.fround(4 / 16));
  });

  it("without onlyInSegments keeps the fixed divisor 2 sum i^2", () => {
    const deltas = deltasOf({ inputDimension: 1, deltaWindow: 1 }, [[1], [2], [0], [4]]);
    expect(deltas.map(([d]) => d)).toEqual([1 / 2, -1 / 2, 2 / 2, 4 / 2, 0].map(Math.fround));
  });
});
