import { describe, expect, it } from "vitest";
import { ratioLimit } from "./ratio-limit.js";

describe("ratioLimit", () => {
  it("passes values within ±limit1 unchanged", () => {
    expect(ratioLimit(Math.fround(9.3), 10, 10)).toBe(Math.fround(9.3));
    expect(ratioLimit(-10, 10, 10)).toBe(-10);
  });

  it("bends larger values onto a tanh curve towards ±(limit1 + excessToLimit2), symmetrically (to float32 rounding)", () => {
    const curve = (x: number) => Math.tanh((Math.sqrt(x - 10 + 1) - 1) / 5) * 10 + 10;
    expect(ratioLimit(15, 10, 10)).toBeCloseTo(curve(15), 5);
    expect(ratioLimit(-15, 10, 10)).toBeCloseTo(-ratioLimit(15, 10, 10), 5);
    expect(ratioLimit(1e30, 10, 10)).toBe(20);
  });
});
