import { describe, expect, it } from "vitest";
import { sliceFrames, speechBounds } from "./silence-trim.js";

/** Frames of `dimension` values whose column 0 is `level[frame]`, the rest the frame index. */
function matrix(level: readonly number[], dimension = 2) {
  const data = new Float32Array(level.length * dimension);
  level.forEach((value, frame) => {
    data[frame * dimension] = value;
    data[frame * dimension + 1] = frame;
  });
  return { frames: level.length, dimension, data };
}

describe("silence trimming", () => {
  it("keeps the speech span of an utterance with a 10-frame margin either side (log-energy c0)", () => {
    const level = [...Array(40).fill(-10), ...Array(100).fill(20), ...Array(60).fill(-10)];
    expect(speechBounds(matrix(level), "mfcc0_12")).toEqual({ start: 30, end: 150 });
  });

  it.each(["is09_lld", "is09_prosody_formants"] as const)(
    "reads %s's column 0 as linear RMS energy, in dB",
    (set) => {
      const level = [...Array(30).fill(1e-4), ...Array(50).fill(0.1), ...Array(30).fill(1e-4)];
      expect(speechBounds(matrix(level), set)).toEqual({ start: 20, end: 90 });
    },
  );

  it("keeps a level recording whole", () => {
    expect(speechBounds(matrix(Array(25).fill(3)), "mfcc0_12")).toEqual({ start: 0, end: 25 });
  });

  it("slices whole frames", () => {
    const sliced = sliceFrames(matrix([0, 1, 2, 3, 4]), { start: 1, end: 3 });
    expect(sliced.frames).toBe(2);
    expect(Array.from(sliced.data)).toEqual([1, 1, 2, 2]);
  });
});
