import { ZNormAccumulator } from "@emotion-stream/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrameRing, type WindowGeometry } from "./frame-window.js";
import type { WindowNormalisation } from "./window-normalisation.js";

/** Frame t has values t*dimension .. t*dimension + dimension - 1, so a window's content names its frames. */
function numberedFrames(first: number, count: number, dimension: number): Float32Array {
  return Float32Array.from({ length: count * dimension }, (_, i) => first * dimension + i);
}

function cutAll(
  geometry: WindowGeometry,
  chunkSizes: readonly number[],
): { index: number; window: number[] }[] {
  const ring = new FrameRing(geometry);
  const identity: WindowNormalisation = {
    kind: "affine",
    shift: new Float32Array(geometry.dimension),
    scale: new Float32Array(geometry.dimension).fill(1),
  };
  const windows: { index: number; window: number[] }[] = [];
  let sent = 0;
  for (const size of chunkSizes) {
    ring.append(numberedFrames(sent, size, geometry.dimension), (full, index) => {
      const window = new Float32Array(geometry.windowFrames * geometry.dimension);
      full.copyWindow(window, 0, identity, NO_LANGUAGE);
      windows.push({ index, window: Array.from(window) });
    });
    sent += size;
  }
  return windows;
}

/** A model that is not language-aware: nothing follows a frame. */
const NO_LANGUAGE = new Float32Array(0);

describe("frame windows", () => {
  it("cuts window k from frames k*hop .. k*hop+window-1, for any chunking", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 20 }),
        (windowFrames, hopFrames, dimension, chunkSizes) => {
          const total = chunkSizes.reduce((a, b) => a + b, 0);
          const windows = cutAll({ windowFrames, hopFrames, dimension }, chunkSizes);
          const expected =
            total < windowFrames ? 0 : Math.floor((total - windowFrames) / hopFrames) + 1;
          expect(windows.length).toBe(expected);
          windows.forEach(({ index, window }, k) => {
            expect(index).toBe(k);
            expect(window).toEqual(
              Array.from(numberedFrames(k * hopFrames, windowFrames, dimension)),
            );
          });
        },
      ),
    );
  });

  it("normalises each column as (value - shift) * scale", () => {
    const ring = new FrameRing({ windowFrames: 2, hopFrames: 1, dimension: 2 });
    const out = new Float32Array(6);
    ring.append(Float32Array.of(1, 10, 2, 20), (full) =>
      full.copyWindow(
        out,
        2,
        {
          kind: "affine",
          shift: Float32Array.of(1, 10),
          scale: Float32Array.of(2, 0.5),
        },
        NO_LANGUAGE,
      ),
    );
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 2, 5]);
  });

  it("follows each frame with a language-aware model's language columns", () => {
    const ring = new FrameRing({ windowFrames: 2, hopFrames: 2, dimension: 2 });
    const out = new Float32Array(8);
    ring.append(Float32Array.of(1, 2, 3, 4), (full) =>
      full.copyWindow(
        out,
        0,
        { kind: "affine", shift: new Float32Array(2), scale: Float32Array.of(1, 1) },
        Float32Array.of(0, 3),
      ),
    );
    expect(Array.from(out)).toEqual([1, 2, 0, 3, 3, 4, 0, 3]);
  });

  it("scales each frame to unit L2 norm, leaving an all-zero frame at zero", () => {
    const ring = new FrameRing({ windowFrames: 2, hopFrames: 2, dimension: 2 });
    const out = new Float32Array(4);
    ring.append(Float32Array.of(3, 4, 0, 0), (full) =>
      full.copyWindow(out, 0, { kind: "unit-norm" }, NO_LANGUAGE),
    );
    expect(Array.from(out)).toEqual([Math.fround(0.6), Math.fround(0.8), 0, 0]);
  });

  it("scales every frame of every window to unit norm, for any chunking and ring wrap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }),
        (windowFrames, hopFrames, dimension, chunkSizes) => {
          const ring = new FrameRing({ windowFrames, hopFrames, dimension });
          // Frame t's values: t + 1, t + 2, ...: every frame differs, none is all zero.
          const frame = (t: number) => Array.from({ length: dimension }, (_, c) => t + 1 + c);
          const unit = (values: number[]) => {
            const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
            return values.map((v) => Math.fround(v * (1 / norm)));
          };
          let sent = 0;
          for (const size of chunkSizes) {
            const chunk = Array.from({ length: size }, (_, f) => frame(sent + f)).flat();
            ring.append(Float32Array.from(chunk), (full, index) => {
              const out = new Float32Array(windowFrames * dimension);
              full.copyWindow(out, 0, { kind: "unit-norm" }, NO_LANGUAGE);
              const expected = Array.from({ length: windowFrames }, (_, f) =>
                unit(frame(index * hopFrames + f)),
              ).flat();
              expect(Array.from(out)).toEqual(expected);
            });
            sent += size;
          }
        },
      ),
    );
  });

  it("normalises each window with the statistics of exactly the frames up to its end, for any chunking", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        (windowFrames, hopFrames, dimension, chunkSizes, priorFrames) => {
          const geometry = { windowFrames, hopFrames, dimension };
          const normalisation = {
            kind: "per-stream",
            prior: {
              mean: Float64Array.from({ length: dimension }, (_, c) => c - 1),
              std: Float64Array.from({ length: dimension }, (_, c) => c + 0.5),
              frames: priorFrames,
            },
          } as const;
          const total = chunkSizes.reduce((a, b) => a + b, 0);
          // Frame t, value c: a stream with its own level and spread, far from the prior's.
          const frames = Float32Array.from(
            { length: total * dimension },
            (_, i) => 40 + 7 * Math.sin(i * 1.7),
          );
          const windowsOf = (sizes: readonly number[]) => {
            const ring = new FrameRing(geometry);
            const windows: number[][] = [];
            let sent = 0;
            for (const size of sizes) {
              ring.append(frames.subarray(sent * dimension, (sent + size) * dimension), (full) => {
                const out = new Float32Array(windowFrames * dimension);
                full.copyWindow(out, 0, normalisation, NO_LANGUAGE);
                windows.push(Array.from(out));
              });
              sent += size;
            }
            return windows;
          };
          const chunked = windowsOf(chunkSizes);
          expect(chunked).toEqual(windowsOf(Array.from({ length: total }, () => 1)));
          chunked.forEach((window, k) => {
            // Statistics fed frames 0 .. end of window k and no later one.
            const end = k * hopFrames + windowFrames;
            const statistics = new ZNormAccumulator(dimension);
            for (let t = 0; t < end; t++) statistics.addFrame(frames, t * dimension);
            const shift = new Float32Array(dimension);
            const scale = new Float32Array(dimension);
            statistics.writeAffine(normalisation.prior, shift, scale);
            const expected = Array.from({ length: windowFrames * dimension }, (_, i) => {
              const c = i % dimension;
              const raw = frames[k * hopFrames * dimension + i] as number;
              return Math.fround((raw - (shift[c] as number)) * (scale[c] as number));
            });
            expect(window).toEqual(expected);
          });
        },
      ),
    );
  });
});
