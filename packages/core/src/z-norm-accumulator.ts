// Per-dimension z-normalisation statistics of feature frames from float64 sums of values and
// squares, in O(dimension) memory however many frames: the trainer fits a corpus's, a speaker's or
// all training data's normalisation with it, and the stream server keeps one per live stream, so a
// long stream ends with the mean and std training would fit on the same frames.
import { EmotionStreamError } from "./errors.js";

/** A spread this small is treated as constant: the dimension is centred, not scaled. */
export const MIN_Z_NORM_STD = 1e-6;

export interface ZNormStatistics {
  readonly mean: number[];
  readonly std: number[];
  readonly frames: number;
}

/** Pooled statistics running ones start from, as if `frames` frames of them had been seen. */
export interface StatisticsPrior {
  readonly mean: Float64Array;
  readonly std: Float64Array;
  readonly frames: number;
}

export class ZNormAccumulator {
  private readonly sum: Float64Array;
  private readonly sumSquares: Float64Array;
  private count = 0;

  constructor(readonly dimension: number) {
    this.sum = new Float64Array(dimension);
    this.sumSquares = new Float64Array(dimension);
  }

  /** Frames added so far. */
  get frames(): number {
    return this.count;
  }

  /** Adds the frame of `dimension` values starting at `offset` (a hot path: no checks). */
  addFrame(values: Float32Array, offset: number): void {
    const { sum, sumSquares } = this;
    for (let c = 0; c < this.dimension; c++) {
      const value = values[offset + c] as number;
      sum[c] = (sum[c] as number) + value;
      sumSquares[c] = (sumSquares[c] as number) + value * value;
    }
    this.count++;
  }

  /** Adds every frame of a row-major matrix; BAD_FRAME_DIMENSION if its frames are of another size. */
  add(matrix: {
    readonly data: Float32Array;
    readonly frames: number;
    readonly dimension: number;
  }): void {
    if (matrix.dimension !== this.dimension) {
      throw new EmotionStreamError("BAD_FRAME_DIMENSION", "features of another dimension", {
        expected: this.dimension,
        received: matrix.dimension,
      });
    }
    for (let t = 0; t < matrix.frames; t++) this.addFrame(matrix.data, t * this.dimension);
  }

  /** Mean and population std of the frames added; EMPTY_INPUT before the first. */
  statistics(): ZNormStatistics {
    const frames = this.count;
    if (frames === 0)
      throw new EmotionStreamError("EMPTY_INPUT", "no frames to fit normalisation on");
    const mean = Array.from(this.sum, (value) => value / frames);
    const std = Array.from(this.sumSquares, (value, d) => {
      const variance = value / frames - (mean[d] ?? 0) ** 2;
      return Math.max(MIN_Z_NORM_STD, Math.sqrt(Math.max(0, variance)));
    });
    return { mean, std, frames };
  }

  /**
   * The z-normalisation value -> (value - shift) * scale with the mean and std of the frames added
   * pooled with `prior.frames` pseudo-frames of the prior's statistics: the prior's weight is
   * N0 / (N0 + n) after n frames, so early windows of a stream lean on the pooled statistics and
   * later ones on its own.
   */
  writeAffine(prior: StatisticsPrior, shift: Float32Array, scale: Float32Array): void {
    const total = prior.frames + this.count;
    for (let c = 0; c < this.dimension; c++) {
      const priorMean = prior.mean[c] as number;
      const priorStd = prior.std[c] as number;
      const mean = (prior.frames * priorMean + (this.sum[c] as number)) / total;
      const meanSquare =
        (prior.frames * (priorStd * priorStd + priorMean * priorMean) +
          (this.sumSquares[c] as number)) /
        total;
      const std = Math.max(MIN_Z_NORM_STD, Math.sqrt(Math.max(0, meanSquare - mean * mean)));
      shift[c] = mean;
      scale[c] = 1 / std;
    }
  }
}
