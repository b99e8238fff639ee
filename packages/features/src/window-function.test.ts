import { describe, expect, it } from "vitest";
import { gaussWindow, hammingWindow } from "./window-function.js";

describe("window functions", () => {
  it("Hamming is 0.08 at both ends and 1 in the middle of an odd window", () => {
    const window = hammingWindow(5);
    expect(window[0]).toBeCloseTo(0.08, 7);
    expect(window[2]).toBeCloseTo(1, 7);
    expect(window[4]).toBeCloseTo(0.08, 7);
  });

  it("Gaussian is symmetric, 1 in the middle and exp(-1/2) one sigma of half the window away", () => {
    const window = gaussWindow(961, 0.4);
    expect(window[480]).toBe(1);
    expect(window[0]).toBe(window[960]);
    // sigma (N - 1) / 2 = 192 samples from the centre.
    expect(window[480 - 192]).toBeCloseTo(Math.exp(-0.5), 7);
    expect(window[0]).toBeCloseTo(Math.exp(-0.5 / 0.16), 7);
  });
});
