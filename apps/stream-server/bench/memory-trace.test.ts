import { describe, expect, it } from "vitest";
import { slopePerSecond } from "./memory-trace.js";

describe("slopePerSecond", () => {
  it("is the least-squares slope, ignoring points not yet known", () => {
    const points: [number, number][] = [0, 5, 10, 15, 20].map((x) => [x, 3 * x + 1 + (x % 2)]);
    expect(slopePerSecond([...points, [25, Number.NaN]])).toBeCloseTo(3, 10);
    expect(
      slopePerSecond([
        [0, 7],
        [5, 7],
        [10, 7],
      ]),
    ).toBe(0);
  });

  it("has no slope from fewer than three points", () => {
    expect(
      slopePerSecond([
        [0, 1],
        [1, Number.NaN],
        [2, 3],
      ]),
    ).toBeNaN();
  });
});
