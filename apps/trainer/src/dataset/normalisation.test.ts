import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitNormalisation,
  l2NormaliseFrames,
  normaliseFeatures,
  withUnseenGroups,
} from "./normalisation.js";

const matrixArbitrary = (dimension: number) =>
  fc
    .array(fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), {
      minLength: dimension * 2,
      maxLength: dimension * 40,
    })
    .map((values) => {
      const frames = Math.floor(values.length / dimension);
      return { frames, dimension, data: Float32Array.from(values.slice(0, frames * dimension)) };
    });

const item = (
  corpus: string,
  speaker: string,
  features: { frames: number; dimension: number; data: Float32Array },
) => ({
  corpus,
  speaker,
  features,
});

describe("normalisation", () => {
  it("global z-normalisation gives training frames mean 0 and unit deviation per dimension", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(matrixArbitrary(3), { minLength: 1, maxLength: 4 }),
        async (matrices) => {
          const items = matrices.map((m, i) => item("c", `s${i}`, m));
          const stats = await fitNormalisation("global", items, async (it) => it.features, 3);
          const all = items.flatMap((it) =>
            Array.from(normaliseFeatures(it.features, stats, it).data),
          );
          for (let d = 0; d < 3; d++) {
            const column = all.filter((_, i) => i % 3 === d);
            const mean = column.reduce((a, b) => a + b, 0) / column.length;
            const spread = stats.groups.all?.std[d] ?? 0;
            expect(Math.abs(mean)).toBeLessThan(1e-3);
            if (spread > 1e-3) {
              const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length;
              expect(variance).toBeCloseTo(1, 2);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("per-speaker statistics are keyed by speaker and refuse a speaker they never saw", async () => {
    const a = { frames: 2, dimension: 1, data: Float32Array.from([1, 3]) };
    const b = { frames: 2, dimension: 1, data: Float32Array.from([10, 30]) };
    const stats = await fitNormalisation(
      "speaker",
      [item("c", "s1", a), item("c", "s2", b)],
      async (it) => it.features,
      1,
    );
    expect(stats.groups).toEqual({
      s1: { mean: [2], std: [1], frames: 2 },
      s2: { mean: [20], std: [10], frames: 2 },
    });
    expect(Array.from(normaliseFeatures(b, stats, { corpus: "c", speaker: "s2" }).data)).toEqual([
      -1, 1,
    ]);
    expect(() => normaliseFeatures(a, stats, { corpus: "c", speaker: "s3" })).toThrow(
      expect.objectContaining({ code: "BAD_NORMALISATION" }),
    );
  });

  it("fits unseen speakers on their own features and keeps the training speakers' statistics", async () => {
    const m = (values: number[]) => ({
      frames: values.length,
      dimension: 1,
      data: Float32Array.from(values),
    });
    const train = await fitNormalisation(
      "speaker",
      [item("c", "s1", m([1, 3]))],
      async (it) => it.features,
      1,
    );
    const extended = await withUnseenGroups(
      train,
      [item("c", "s1", m([100])), item("c", "s9", m([4, 8]))],
      async (it) => it.features,
    );
    expect(extended.groups).toEqual({
      s1: { mean: [2], std: [1], frames: 2 },
      s9: { mean: [6], std: [2], frames: 2 },
    });
    const global = await fitNormalisation(
      "global",
      [item("c", "s1", m([1, 3]))],
      async (it) => it.features,
      1,
    );
    expect(
      await withUnseenGroups(global, [item("c", "s9", m([5]))], async (it) => it.features),
    ).toBe(global);
  });

  it("per-corpus statistics group utterances by corpus", async () => {
    const m = (values: number[]) => ({
      frames: values.length,
      dimension: 1,
      data: Float32Array.from(values),
    });
    const stats = await fitNormalisation(
      "corpus",
      [item("x", "1", m([0, 2])), item("x", "2", m([4])), item("y", "3", m([5]))],
      async (it) => it.features,
      1,
    );
    expect(Object.keys(stats.groups).sort()).toEqual(["x", "y"]);
    expect(stats.groups.x?.mean).toEqual([2]);
  });

  it("L2 normalisation makes every non-zero frame unit length and leaves zero frames alone", () => {
    fc.assert(
      fc.property(matrixArbitrary(4), (matrix) => {
        const data = new Float32Array(matrix.data);
        l2NormaliseFrames(data, 4);
        for (let f = 0; f < matrix.frames; f++) {
          const row = Array.from(data.subarray(f * 4, f * 4 + 4));
          const original = Array.from(matrix.data.subarray(f * 4, f * 4 + 4));
          const norm = Math.hypot(...row);
          if (original.every((v) => v === 0)) expect(norm).toBe(0);
          else if (Math.hypot(...original) > 1e-6) expect(norm).toBeCloseTo(1, 4);
        }
      }),
    );
  });

  it("refuses features of another dimension", async () => {
    const stats = await fitNormalisation(
      "l2-frame",
      [],
      async () => ({ frames: 0, dimension: 2, data: new Float32Array() }),
      2,
    );
    expect(() =>
      normaliseFeatures({ frames: 1, dimension: 3, data: new Float32Array(3) }, stats, {
        corpus: "",
        speaker: "",
      }),
    ).toThrow(expect.objectContaining({ code: "BAD_FRAME_DIMENSION" }));
  });
});
