import { ZNormAccumulator } from "@emotion-stream/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrameRing, type WindowGeometry } from "./frame-window.js";
import type { WindowNormalisation } from "./window-normalisation.js";

/** A model that is not language-aware: nothing follows a frame. */
const NO_LANGUAGE = new Float32Array(0);

/** Leaves every value as it is. */
function identity(dimension: number): WindowNormalisation {
  return {
    kind: "affine",
    shift: new Float32Array(dimension),
    scale: new Float32Array(dimension).fill(1),
  };
}

/** Frame t has values t*dimension .. t*dimension + dimension - 1, so a window's content names its frames. */
function numberedFrames(first: number, count: number, dimension: number): Float32Array {
  return Float32Array.from({ length: count * dimension }, (_, i) => first * dimension + i);
}

/** A window geometry and a cutting of the stream into chunks (empty ones too), within `bounds`. */
function chunkedStream(bounds: {
  readonly frames: number;
  readonly dimension: number;
  readonly chunkFrames: number;
  readonly chunks: number;
}) {
  return fc.record({
    geometry: fc.record({
      windowFrames: fc.integer({ min: 1, max: bounds.frames }),
      hopFrames: fc.integer({ min: 1, max: bounds.frames }),
      dimension: fc.integer({ min: 1, max: bounds.dimension }),
    }),
    chunkSizes: fc.array(fc.integer({ min: 0, max: bounds.chunkFrames }), {
      maxLength: bounds.chunks,
    }),
  });
}

const framesIn = (chunkSizes: readonly number[]) => chunkSizes.reduce((a, b) => a + b, 0);

/** Appends `frames` to a ring in chunks of `chunkSizes` frames; every window it cuts, normalised. */
function cutWindows(
  geometry: WindowGeometry,
  frames: Float32Array,
  chunkSizes: readonly number[],
  normalisation: WindowNormalisation,
): { index: number; window: number[] }[] {
  const { windowFrames, dimension } = geometry;
  const ring = new FrameRing(geometry);
  const windows: { index: number; window: number[] }[] = [];
  let sent = 0;
  for (const size of chunkSizes) {
    ring.append(frames.subarray(sent * dimension, (sent + size) * dimension), (full, index) => {
      const window = new Float32Array(windowFrames * dimension);
      full.copyWindow(window, 0, normalisation, NO_LANGUAGE);
      windows.push({ index, window: Array.from(window) });
    });
    sent += size;
  }
  return windows;
}

describe("frame windows", () => {
  it("cuts window k from frames k*hop .. k*hop+window-1, for any chunking", () => {
    fc.assert(
      fc.property(
        chunkedStream({ frames: 12, dimension: 3, chunkFrames: 25, chunks: 20 }),
        ({ geometry, chunkSizes }) => {
          const { windowFrames, hopFrames, dimension } = geometry;
          const total = framesIn(chunkSizes);
          const frames = numberedFrames(0, total, dimension);
          const windows = cutWindows(geometry, frames, chunkSizes, identity(dimension));
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
        chunkedStream({ frames: 9, dimension: 4, chunkFrames: 20, chunks: 12 }),
        ({ geometry, chunkSizes }) => {
          const { windowFrames, hopFrames, dimension } = geometry;
          // Frame t's values: t + 1, t + 2, ...: every frame differs, none is all zero.
          const frame = (t: number) => Array.from({ length: dimension }, (_, c) => t + 1 + c);
          const unit = (values: number[]) => {
            const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
            return values.map((v) => Math.fround(v * (1 / norm)));
          };
          const frames = Float32Array.from(
            Array.from({ length: framesIn(chunkSizes) }, (_, t) => frame(t)).flat(),
          );
          const unitNorm = { kind: "unit-norm" } as const;
          for (const { index, window } of cutWindows(geometry, frames, chunkSizes, unitNorm)) {
            const expected = Array.from({ length: windowFrames }, (_, f) =>
              unit(frame(index * hopFrames + f)),
            ).flat();
            expect(window).toEqual(expected);
          }
        },
      ),
    );
  });

  it("normalises each window with the statistics of exactly the frames up to its end, for any chunking", () => {
    fc.assert(
      fc.property(
        chunkedStream({ frames: 9, dimension: 4, chunkFrames: 20, chunks: 12 }),
        fc.integer({ min: 1, max: 50 }),
        ({ geometry, chunkSizes }, priorFrames) => {
          const { windowFrames, hopFrames, dimension } = geometry;
          const normalisation = {
            kind: "per-stream",
            prior: {
              mean: Float64Array.from({ length: dimension }, (_, c) => c - 1),
              std: Float64Array.from({ length: dimension }, (_, c) => c + 0.5),
              frames: priorFrames,
            },
          } as const;
          const total = framesIn(chunkSizes);
          // Frame t, value c: a stream with its own level and spread, far from the prior's.
          const frames = Float32Array.from(
            { length: total * dimension },
            (_, i) => 40 + 7 * Math.sin(i * 1.7),
          );
          const chunked = cutWindows(geometry, frames, chunkSizes, normalisation);
          const oneByOne = Array.from({ length: total }, () => 1);
          expect(chunked).toEqual(cutWindows(geometry, frames, oneByOne, normalisation));
          chunked.forEach(({ window }, k) => {
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
