import { describe, expect, it } from "vitest";
import { topClassOf, valenceArousalOf } from "./valence-arousal.js";

describe("valence and arousal from quadrant probabilities", () => {
  it("gives each pure quadrant its signs", () => {
    expect(valenceArousalOf([1, 0, 0, 0])).toEqual({ valence: 1, arousal: 1 });
    expect(valenceArousalOf([0, 1, 0, 0])).toEqual({ valence: -1, arousal: 1 });
    expect(valenceArousalOf([0, 0, 1, 0])).toEqual({ valence: -1, arousal: -1 });
    expect(valenceArousalOf([0, 0, 0, 1])).toEqual({ valence: 1, arousal: -1 });
  });

  it("weights the quadrants by probability", () => {
    const { valence, arousal } = valenceArousalOf([0.4, 0.3, 0.2, 0.1]);
    expect(valence).toBeCloseTo(0.4 + 0.1 - 0.3 - 0.2, 12);
    expect(arousal).toBeCloseTo(0.4 + 0.3 - 0.2 - 0.1, 12);
  });

  it("stays within [-1, 1] when float32 probabilities sum to a hair above 1", () => {
    expect(valenceArousalOf([1.0000001, 0, 0, 1e-7])).toEqual({ valence: 1, arousal: 1 });
  });

  it("names the most probable class, the first on ties", () => {
    expect(topClassOf([0.1, 0.2, 0.6, 0.1])).toBe("sadness");
    expect(topClassOf([0.25, 0.25, 0.25, 0.25])).toBe("joy");
  });
});
