import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convGeometry, patchCount, patchSize } from "./conv-geometry.js";
import { col2im, im2col } from "./im2col.js";

const geometryArbitrary = fc.record({
  batch: fc.integer({ min: 1, max: 2 }),
  height: fc.integer({ min: 1, max: 9 }),
  width: fc.integer({ min: 1, max: 6 }),
  channels: fc.integer({ min: 1, max: 3 }),
  filterHeight: fc.integer({ min: 1, max: 4 }),
  filterWidth: fc.integer({ min: 1, max: 4 }),
  strideHeight: fc.integer({ min: 1, max: 3 }),
  strideWidth: fc.integer({ min: 1, max: 3 }),
  pad: fc.constantFrom("same" as const, "valid" as const),
});

describe("im2col", () => {
  it("copies each patch in the filter's [fh, fw, in] order with zeros in the padding", () => {
    // x: 1 image of 3 rows x 2 columns, 1 channel, values 1..6; 2x2 filter, same padding.
    const info = tf.backend_util.computeConv2DInfo([1, 3, 2, 1], [2, 2, 1, 1], 1, 1, "same");
    const g = convGeometry(info);
    const cols = new Float32Array(patchCount(g) * patchSize(g));
    im2col(Float32Array.from([1, 2, 3, 4, 5, 6]), g, cols);
    expect(Array.from(cols)).toEqual([
      1, 2, 3, 4, 2, 0, 4, 0, 3, 4, 5, 6, 4, 0, 6, 0, 5, 6, 0, 0, 6, 0, 0, 0,
    ]);
  });

  it("col2im is its adjoint: <im2col(x), c> = <x, col2im(c)> for any geometry", () => {
    fc.assert(
      fc.property(geometryArbitrary, fc.integer(), (p, seed) => {
        if (p.pad === "valid" && (p.filterHeight > p.height || p.filterWidth > p.width)) return;
        const info = tf.backend_util.computeConv2DInfo(
          [p.batch, p.height, p.width, p.channels],
          [p.filterHeight, p.filterWidth, p.channels, 1],
          [p.strideHeight, p.strideWidth],
          1,
          p.pad,
        );
        const g = convGeometry(info);
        let state = seed;
        const next = () => {
          state = (state * 1103515245 + 12345) % 2147483648;
          return state / 2147483648 - 0.5;
        };
        const x = Float32Array.from({ length: p.batch * p.height * p.width * p.channels }, next);
        const c = Float32Array.from({ length: patchCount(g) * patchSize(g) }, next);
        const cols = new Float32Array(c.length);
        const dx = new Float32Array(x.length);
        im2col(x, g, cols);
        col2im(c, g, dx);
        const left = cols.reduce((sum, value, i) => sum + value * (c[i] as number), 0);
        const right = x.reduce((sum, value, i) => sum + value * (dx[i] as number), 0);
        expect(left).toBeCloseTo(right, 4);
      }),
    );
  });
});
