import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderStatistics } from "./order-statistics.js";

describe("orderStatistics", () => {
  it("puts at each asked rank what a full sort puts there", () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, min: -1000, max: 1000 }), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (list, picks) => {
          const values = Float32Array.from(list);
          const sorted = values.slice().sort();
          const ranks = picks.map((pick) => pick % values.length);
          const selected = orderStatistics(values, ranks);
          for (const rank of ranks) expect(selected[rank]).toBe(sorted[rank]);
        },
      ),
    );
  });

  it("handles long runs of equal values and sorts NaN last", () => {
    const ties = new Float32Array(1000).map((_, i) => (i % 3 === 0 ? 1 : 0));
    expect(orderStatistics(ties, [0, 666, 667, 999])[667]).toBe(1);
    const withNaN = Float32Array.from({ length: 100 }, (_, i) => (i === 5 ? Number.NaN : i));
    expect(orderStatistics(withNaN, [99])[99]).toBeNaN();
  });
});
