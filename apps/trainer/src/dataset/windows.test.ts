import { createRandom } from "@emotion-stream/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageFrameCount,
  copyWindow,
  randomCropWindows,
  slidingWindows,
  studyWindows,
} from "./windows.js";

function matrix(frames: number, dimension: number) {
  return {
    frames,
    dimension,
    data: Float32Array.from({ length: frames * dimension }, (_, i) => i + 1),
  };
}

describe("windows", () => {
  it("takes the study's window length as the rounded mean frame count", () => {
    expect(averageFrameCount([100, 201, 300])).toBe(200);
    expect(() => averageFrameCount([])).toThrow(expect.objectContaining({ code: "EMPTY_SPLIT" }));
  });

  it("crops or zero-pads each utterance to the window from its first frame (study rule)", () => {
    const target = new Float32Array(3 * 2);
    const [window] = studyWindows([2]);
    copyWindow(matrix(2, 2), window?.start ?? -1, 3, target, 0);
    expect(Array.from(target)).toEqual([1, 2, 3, 4, 0, 0]);
    copyWindow(matrix(5, 2), 0, 3, target, 0);
    expect(Array.from(target)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("sliding windows (hop <= window) cover every frame, start within the utterance, step by the hop", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        (frameCounts, windowFrames, rawHop) => {
          const hop = Math.min(rawHop, windowFrames);
          const windows = slidingWindows(frameCounts, windowFrames, hop);
          frameCounts.forEach((frames, item) => {
            const starts = windows.filter((w) => w.item === item).map((w) => w.start);
            const covered = new Set(
              starts.flatMap((s) => Array.from({ length: windowFrames }, (_, i) => s + i)),
            );
            for (let frame = 0; frame < frames; frame++) expect(covered.has(frame)).toBe(true);
            for (const start of starts)
              expect(start === 0 || start + windowFrames <= frames).toBe(true);
            starts.slice(1, -1).forEach((start, i) => {
              expect(start - (starts[i] ?? 0)).toBe(hop);
            });
          });
        },
      ),
    );
  });

  it("random crops stay inside the utterance and repeat for a seed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer(),
        (frameCounts, windowFrames, seed) => {
          const windows = randomCropWindows(frameCounts, windowFrames, createRandom(seed), 3);
          expect(windows).toEqual(
            randomCropWindows(frameCounts, windowFrames, createRandom(seed), 3),
          );
          expect(windows).toHaveLength(frameCounts.length * 3);
          for (const { item, start } of windows) {
            const frames = frameCounts[item] ?? 0;
            expect(start).toBeGreaterThanOrEqual(0);
            expect(start <= Math.max(0, frames - windowFrames)).toBe(true);
          }
        },
      ),
    );
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

  it("rejects a window or hop that is not a positive integer", () => {
    expect(() => slidingWindows([10], 0, 1)).toThrow(
      expect.objectContaining({ code: "BAD_WINDOW" }),
    );
    expect(() => slidingWindows([10], 5, 1.5)).toThrow(
      expect.objectContaining({ code: "BAD_WINDOW" }),
    );
  });
});
