import { createRandom } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { classBalancedOrder, inverseFrequencyWeights, shuffledOrder } from "./batch-order.js";

describe("batch order", () => {
  it("a shuffle is a permutation, the same for the same seed", () => {
    const a = shuffledOrder(50, createRandom(3));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffledOrder(50, createRandom(3)))).toEqual(Array.from(a));
  });

  it("class-balanced draws give every present class about the same share despite 90/10 imbalance", () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : 3));
    const order = classBalancedOrder(labels, 20000, createRandom(1));
    const minority = Array.from(order).filter((index) => labels[index] === 3).length / order.length;
    expect(minority).toBeGreaterThan(0.47);
    expect(minority).toBeLessThan(0.53);
  });

  it("inverse-frequency weights are N / (present classes x count) and 0 for absent classes", () => {
    const labels = Uint8Array.from([0, 0, 0, 1]);
    expect(Array.from(inverseFrequencyWeights(labels, 4))).toEqual([Math.fround(4 / 6), 2, 0, 0]);
  });
});
