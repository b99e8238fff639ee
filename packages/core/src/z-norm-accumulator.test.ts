import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StatisticsPrior, ZNormAccumulator } from "./z-norm-accumulator.js";

const dimension = 3;

function statisticsOf(frames: readonly number[][]): ZNormAccumulator {
  const statistics = new ZNormAccumulator(dimension);
  for (const frame of frames) statistics.addFrame(Float32Array.from(frame), 0);
  return statistics;
}

function affineOf(statistics: ZNormAccumulator, prior: StatisticsPrior) {
  const shift = new Float32Array(dimension);
  const scale = new Float32Array(dimension);
  statistics.writeAffine(prior, shift, scale);
  return { shift: Array.from(shift), scale: Array.from(scale) };
}

/** Two-pass mean and population std per column, in float64. */
function batchStatistics(frames: readonly number[][]) {
  const columns = Array.from({ length: dimension }, (_, c) => frames.map((f) => f[c] ?? 0));
  const mean = columns.map((column) => column.reduce((a, b) => a + b, 0) / column.length);
  const variance = columns.map(
    (column, c) => column.reduce((a, v) => a + (v - (mean[c] ?? 0)) ** 2, 0) / column.length,
  );
  return { mean, variance };
}

const value = fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
const framesArbitrary = fc.array(fc.array(value, { minLength: dimension, maxLength: dimension }), {
  minLength: 2,
  maxLength: 60,
});
const noPrior: StatisticsPrior = {
  mean: new Float64Array(dimension),
  std: new Float64Array(dimension).fill(1),
  frames: 0,
};

describe("ZNormAccumulator", () => {
  it("without a prior, gives the batch mean and std of the frames", () => {
    fc.assert(
      fc.property(framesArbitrary, (frames) => {
        const { shift, scale } = affineOf(statisticsOf(frames), noPrior);
        const { mean, variance } = batchStatistics(frames);
        shift.forEach((s, c) => {
          expect(s).toBeCloseTo(mean[c] ?? Number.NaN, 3);
        });
        scale.forEach((s, c) => {
          const std = Math.max(1e-6, Math.sqrt(variance[c] ?? Number.NaN));
          // Float32 scale, float64 sums: agreement to a relative 1e-4 unless the spread is tiny.
          if (std > 1e-2) expect(Math.abs(s * std - 1)).toBeLessThan(1e-4);
        });
      }),
    );
  });

  it("before any frame, is the prior itself", () => {
    const prior: StatisticsPrior = {
      mean: Float64Array.of(1, -2, 0.5),
      std: Float64Array.of(2, 0.25, 4),
      frames: 300,
    };
    expect(affineOf(new ZNormAccumulator(dimension), prior)).toEqual({
      shift: [1, -2, 0.5],
      scale: [0.5, 4, 0.25],
    });
  });

  it("pools the frames with N0 pseudo-frames of the prior (mean and variance of the union)", () => {
    fc.assert(
      fc.property(
        framesArbitrary,
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), {
          minLength: dimension,
          maxLength: dimension,
        }),
        fc.array(fc.double({ min: 0.5, max: 50, noNaN: true }), {
          minLength: dimension,
          maxLength: dimension,
        }),
        (frames, priorFrames, priorMean, priorStd) => {
          const prior: StatisticsPrior = {
            mean: Float64Array.from(priorMean),
            std: Float64Array.from(priorStd),
            frames: priorFrames,
          };
          const { shift, scale } = affineOf(statisticsOf(frames), prior);
          const { mean, variance } = batchStatistics(frames);
          const n = frames.length;
          const total = priorFrames + n;
          shift.forEach((s, c) => {
            const m0 = priorMean[c] ?? 0;
            const m = mean[c] ?? 0;
            // Chan et al.'s pairwise combination, a form independent of the sums the code keeps.
            const expectedMean = (priorFrames * m0 + n * m) / total;
            const expectedVariance =
              (priorFrames * (priorStd[c] ?? 0) ** 2 +
                n * (variance[c] ?? 0) +
                ((priorFrames * n) / total) * (m - m0) ** 2) /
              total;
            expect(s).toBeCloseTo(expectedMean, 3);
            expect(Math.abs((scale[c] ?? 0) * Math.sqrt(expectedVariance) - 1)).toBeLessThan(1e-4);
          });
        },
      ),
    );
  });

  it("weighs the stream's own statistics more as frames arrive", () => {
    const prior: StatisticsPrior = {
      mean: new Float64Array(dimension),
      std: new Float64Array(dimension).fill(1),
      frames: 100,
    };
    const statistics = new ZNormAccumulator(dimension);
    const shifts: number[] = [];
    for (let t = 1; t <= 10_000; t++) {
      // The stream's own mean is 10 and its std 2 in every column.
      statistics.addFrame(new Float32Array(dimension).fill(t % 2 === 0 ? 12 : 8), 0);
      if (t === 100 || t === 10_000) shifts.push(affineOf(statistics, prior).shift[0] ?? 0);
    }
    expect(shifts[0]).toBeCloseTo(5, 5);
    expect(shifts[1]).toBeCloseTo((10 * 10_000) / 10_100, 4);
  });

  it("fits the same statistics from a matrix as frame by frame, and refuses another dimension", () => {
    fc.assert(
      fc.property(framesArbitrary, (frames) => {
        const matrix = new ZNormAccumulator(dimension);
        matrix.add({ data: Float32Array.from(frames.flat()), frames: frames.length, dimension });
        const { mean, variance } = batchStatistics(frames);
        const fitted = matrix.statistics();
        expect(fitted).toEqual(statisticsOf(frames).statistics());
        expect(fitted.frames).toBe(frames.length);
        fitted.mean.forEach((m, c) => {
          expect(m).toBeCloseTo(mean[c] ?? Number.NaN, 3);
        });
        fitted.std.forEach((s, c) => {
          const std = Math.sqrt(variance[c] ?? Number.NaN);
          if (std > 1e-2) expect(Math.abs(s / std - 1)).toBeLessThan(1e-4);
        });
      }),
    );
    const accumulator = new ZNormAccumulator(dimension);
    expect(() => accumulator.statistics()).toThrowError(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
    expect(() =>
      accumulator.add({ data: new Float32Array(4), frames: 2, dimension: 2 }),
    ).toThrowError(expect.objectContaining({ code: "BAD_FRAME_DIMENSION" }));
  });
});
