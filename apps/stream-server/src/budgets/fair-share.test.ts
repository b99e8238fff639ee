import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fairShareCap } from "./fair-share.js";

describe("max-min fair share", () => {
  it("caps nobody when every demand fits", () => {
    expect(fairShareCap([1, 2, 3], 10)).toBe(Number.POSITIVE_INFINITY);
    expect(fairShareCap([], 10)).toBe(Number.POSITIVE_INFINITY);
  });

  it("gives small demands all they ask and splits the rest among the floods", () => {
    // 1,000 streams asking 0.4 ms/s each, 16 floods asking for everything, 600 ms/s to share.
    const demands = [...Array(1000).fill(0.4), ...Array(16).fill(Number.POSITIVE_INFINITY)];
    expect(fairShareCap(demands, 600)).toBeCloseTo((600 - 400) / 16, 9);
  });

  it("never hands out more than the capacity, and uses all of it when someone is capped", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Infinity)), {
          maxLength: 50,
        }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (demands, capacity) => {
          const cap = fairShareCap(demands, capacity);
          const granted = demands.reduce((sum, demand) => sum + Math.min(demand, cap), 0);
          if (cap === Number.POSITIVE_INFINITY)
            expect(granted).toBeLessThanOrEqual(capacity + 1e-9);
          else expect(granted).toBeCloseTo(capacity, 6);
        },
      ),
    );
  });
});
