import { describe, expect, it } from "vitest";
import {
  compareProbabilities,
  PROBABILITY_TOLERANCE,
  probabilityTolerance,
} from "./probability-agreement.js";

describe("compareProbabilities", () => {
  const expected = Float32Array.of(0.7, 0.2, 0.1, 0.1, 0.1, 0.8);

  it("passes within the tolerance with every argmax equal, and fails on NaN", () => {
    const close = expected.map((p) => p + 5e-6);
    expect(compareProbabilities(expected, close, 3).passed).toBe(true);
    const nan = Float32Array.of(0.7, 0.2, Number.NaN, 0.1, 0.1, 0.8);
    expect(compareProbabilities(expected, nan, 3).passed).toBe(false);
  });

  it("grows the tolerance with the feature row's width beyond 1,024 values only", () => {
    expect(probabilityTolerance(39)).toBe(PROBABILITY_TOLERANCE);
    expect(probabilityTolerance(1024)).toBe(PROBABILITY_TOLERANCE);
    expect(probabilityTolerance(6373)).toBeCloseTo(6.22e-5, 7);
    const off = expected.map((p, i) => (i === 0 ? p + 3e-5 : p));
    expect(compareProbabilities(expected, off, 3).passed).toBe(false);
    expect(compareProbabilities(expected, off, 3, probabilityTolerance(6373)).passed).toBe(true);
  });
});
