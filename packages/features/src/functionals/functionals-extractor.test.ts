import { EmotionStreamError } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import type { FunctionalsWindow } from "../functionals-window.js";
import { RowCollector } from "../row-collector.js";
import { FunctionalsExtractor, functionalsExtractors } from "./functionals-extractor.js";

/** One sample per LLD row; the functionals of rows are their sum and count; 2 rows at least. */
class SumExtractor extends FunctionalsExtractor {
  readonly dimension = 2;
  readonly delayFrames = 0;
  readonly rows = new RowCollector(1);

  protected feed(chunk: Float32Array): void {
    for (let t = 0; t < chunk.length; t += 1) this.rows.append(chunk, t);
  }

  protected feedEnd(): void {}

  protected heldRows(): number {
    return this.rows.rows;
  }

  protected discard(rows: number): void {
    this.rows.discard(rows);
  }

  protected windowFunctionals(first: number, frames: number): Float32Array {
    return sumAndCount(this.rows.slice(first, frames).data);
  }

  protected utteranceFunctionals(): Float32Array | undefined {
    return this.rows.rows < 2 ? undefined : sumAndCount(this.rows.matrix().data);
  }

  protected tooShort(): EmotionStreamError {
    return new EmotionStreamError("UTTERANCE_TOO_SHORT", "two rows at least");
  }
}

const sumAndCount = (values: Float32Array) =>
  Float32Array.of(
    values.reduce((sum, value) => sum + value, 0),
    values.length,
  );
const ramp = (from: number, to: number) =>
  Float32Array.from({ length: to - from }, (_, i) => from + i);
const rows = (matrix: { frames: number; data: Float32Array }) =>
  Array.from({ length: matrix.frames }, (_, r) =>
    Array.from(matrix.data.subarray(2 * r, 2 * r + 2)),
  );

describe("FunctionalsExtractor", () => {
  it("gives a whole utterance one row at the end", () => {
    const extractor = new SumExtractor(undefined);
    expect(extractor.push(ramp(0, 5)).frames).toBe(0);
    expect(rows(extractor.end())).toEqual([[10, 5]]);
  });

  it("refuses a whole utterance too short for its functionals", () => {
    const extractor = new SumExtractor(undefined);
    extractor.push(ramp(0, 1));
    expect(() => extractor.end()).toThrow(expect.objectContaining({ code: "UTTERANCE_TOO_SHORT" }));
  });

  it("gives a live stream a row per window as soon as it is in, keeping about one window", () => {
    const window: FunctionalsWindow = { frames: 10, hopFrames: 4 };
    const extractor = new SumExtractor(window);
    expect(extractor.push(ramp(0, 9)).frames).toBe(0);
    // Windows 0-9 and 4-13 are in; rows before the next window (8) are dropped.
    expect(rows(extractor.push(ramp(9, 14)))).toEqual([
      [45, 10],
      [85, 10],
    ]);
    expect(extractor.rows.rows).toBe(6);
    expect(extractor.end().frames).toBe(0);
  });

  it("gives a live stream shorter than a window the utterance's row, or none when too short", () => {
    const short = new SumExtractor({ frames: 10, hopFrames: 4 });
    short.push(ramp(0, 3));
    expect(rows(short.end())).toEqual([[3, 3]]);
    const tooShort = new SumExtractor({ frames: 10, hopFrames: 4 });
    tooShort.push(ramp(0, 1));
    expect(tooShort.end().frames).toBe(0);
  });
});

describe("functionalsExtractors", () => {
  const { createExtractor, createWindowedExtractor } = functionalsExtractors(
    (_, window) => new SumExtractor(window),
  );

  it("builds a whole utterance's extractor, and a live stream's for a valid window", () => {
    const utterance = createExtractor(16000);
    utterance.push(ramp(0, 3));
    expect(rows(utterance.end())).toEqual([[3, 3]]);
    expect(createWindowedExtractor?.(16000, { frames: 10, hopFrames: 1 }).delayFrames).toBe(0);
  });

  it("refuses a window outside the functionals' bounds with BAD_ARGUMENT", () => {
    expect(() => createWindowedExtractor?.(16000, { frames: 2, hopFrames: 1 })).toThrow(
      expect.objectContaining({ code: "BAD_ARGUMENT" }),
    );
  });
});
