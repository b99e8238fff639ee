import { describe, expect, it } from "vitest";
import { applyFunctionals, checkInputWidths, functionalColumns } from "./functionals.js";

const spec = {
  nonZero: true,
  components: [
    { kind: "moments", outputs: ["amean", "stddevNorm"] },
    { kind: "percentiles", percentiles: [0.5], ranges: [] },
  ],
} as const;

describe("applyFunctionals", () => {
  it("names each column's outputs in component order", () => {
    expect(functionalColumns(spec, ["F0"])).toEqual([
      "F0_amean",
      "F0_stddevNorm",
      "F0_percentile50.0",
    ]);
  });

  it("reads only non-zero values with nonZero, and gives 0s for a column of zeros", () => {
    // Column 0: 0, 2, 0, -4 (non-zero mean −1, stddev 3); column 1: all 0.
    const matrix = { frames: 4, dimension: 2, data: Float32Array.of(0, 0, 2, 0, 0, 0, -4, 0) };
    expect(Array.from(applyFunctionals(matrix, spec, 0.01))).toEqual([-1, -3, -1, 0, 0, 0]);
  });
});

describe("checkInputWidths", () => {
  const columns = { voice: ["F0", "jitter"], energy: ["loudness"] };
  const matrix = (dimension: number) => ({
    frames: 1,
    dimension,
    data: new Float32Array(dimension),
  });

  it("accepts levels of their columns' widths", () => {
    expect(() =>
      checkInputWidths("set", columns, { voice: matrix(2), energy: matrix(1) }),
    ).not.toThrow();
  });

  it("names the level of another width with BAD_FRAME_DIMENSION", () => {
    expect(() => checkInputWidths("set", columns, { voice: matrix(2), energy: matrix(3) })).toThrow(
      expect.objectContaining({
        code: "BAD_FRAME_DIMENSION",
        message: "set energy LLDs of another width",
        details: { expected: 1, received: 3 },
      }),
    );
  });
});
