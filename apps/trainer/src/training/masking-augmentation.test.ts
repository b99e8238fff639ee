import { createRandom } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { maskWindow } from "./masking-augmentation.js";

describe("maskWindow", () => {
  it("zeroes whole frames and the same coefficient band in every delta group, nothing outside the window", () => {
    const layout = { frames: 20, dimension: 6, baseDimension: 3 };
    const batch = new Float32Array(2 + 20 * 6 + 2).fill(1);
    maskWindow(
      batch,
      2,
      layout,
      { timeMasks: 0, maxTimeMaskFrames: 0, frequencyMasks: 1, maxFrequencyMaskBins: 2 },
      createRandom(5),
    );
    expect([batch[0], batch[1], batch[batch.length - 1]]).toEqual([1, 1, 1]);
    const row = Array.from(batch.subarray(2, 8));
    for (let frame = 0; frame < 20; frame++) {
      expect(Array.from(batch.subarray(2 + frame * 6, 8 + frame * 6))).toEqual(row);
    }
    expect(row.slice(0, 3)).toEqual(row.slice(3, 6));
  });

  it("time masks zero complete frames of at most the configured width", () => {
    const layout = { frames: 50, dimension: 4, baseDimension: 4 };
    for (let seed = 0; seed < 20; seed++) {
      const batch = new Float32Array(200).fill(1);
      maskWindow(
        batch,
        0,
        layout,
        { timeMasks: 1, maxTimeMaskFrames: 7, frequencyMasks: 0, maxFrequencyMaskBins: 0 },
        createRandom(seed),
      );
      const zeros = batch.filter((value) => value === 0).length;
      expect(zeros % 4).toBe(0);
      expect(zeros / 4).toBeLessThanOrEqual(7);
    }
  });
});
