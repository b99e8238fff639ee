import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValueBatcher } from "./value-batcher.js";

describe("ValueBatcher", () => {
  it("sends full messages and keeps the rest until flushed", () => {
    const batcher = new ValueBatcher(4);
    const sent: number[][] = [];
    batcher.add(Float32Array.of(1, 2, 3), (message) => sent.push([...message]));
    expect(sent).toEqual([]);
    batcher.add(Float32Array.of(4, 5, 6, 7, 8, 9), (message) => sent.push([...message]));
    expect(sent).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect([...batcher.flush()]).toEqual([9]);
    expect(batcher.flush()).toHaveLength(0);
  });

  it("passes every value on once, in order, whatever the piece sizes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 40 })),
        fc.integer({ min: 1, max: 16 }),
        (pieces, size) => {
          const batcher = new ValueBatcher(size);
          const out: number[] = [];
          for (const piece of pieces)
            batcher.add(Float32Array.from(piece), (message) => {
              expect(message).toHaveLength(size);
              out.push(...message);
            });
          out.push(...batcher.flush());
          expect(out).toEqual(pieces.flat());
        },
      ),
    );
  });
});
