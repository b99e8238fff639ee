import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyWindow } from "./windows.js";

function matrix(frames: number, dimension: number) {
  return {
    frames,
    dimension,
    data: Float32Array.from({ length: frames * dimension }, (_, i) => i + 1),
  };
}

describe("copyWindow", () => {
  it("crops or zero-pads an utterance to the window from its first frame (the study's windows)", () => {
    const target = new Float32Array(3 * 2);
    copyWindow(matrix(2, 2), 0, 3, target, 0);
    expect(Array.from(target)).toEqual([1, 2, 3, 4, 0, 0]);
    copyWindow(matrix(5, 2), 0, 3, target, 0);
    expect(Array.from(target)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("copies exactly the window's rows and zeros past the end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(60),
        (frames, dimension, windowFrames, rawStart) => {
          const source = matrix(frames, dimension);
          const start = rawStart % frames;
          const target = new Float32Array(windowFrames * dimension + 2).fill(-1);
          copyWindow(source, start, windowFrames, target, 1);
          for (let row = 0; row < windowFrames; row++) {
            for (let d = 0; d < dimension; d++) {
              const expected = start + row < frames ? (start + row) * dimension + d + 1 : 0;
              expect(target[1 + row * dimension + d]).toBe(expected);
            }
          }
          expect([target[0], target.at(-1)]).toEqual([-1, -1]);
        },
      ),
    );
  });
});
