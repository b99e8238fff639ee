// Per-dimension statistics of every frame a stream has sent, for normalising a live speaker with its
// own statistics as training normalised each speaker (or corpus) with its own. Float64 sums of values
// and squares, the trainer's own accumulator (ZNormAccumulator), so a long stream ends with the mean
// and std the trainer would fit on the same frames; O(dimension) memory however long the stream.

/** Pooled statistics the running ones start from, as if `frames` frames of them had been seen. */
export interface StatisticsPrior {
  readonly mean: Float64Array;
  readonly std: Float64Array;
  readonly frames: number;
}

/** The trainer's floor: a spread this small is treated as constant, centred but not scaled. */
const MIN_STD = 1e-6;

export class RunningStatistics {
  /** Frames added since the stream opened. */
  frames = 0;
  private readonly sum: Float64Array;
  private readonly sumSquares: Float64Array;

  constructor(readonly dimension: number) {
    this.sum = new Float64Array(dimension);
    this.sumSquares = new Float64Array(dimension);
  }

  /** Adds the frame of `dimension` values starting at `offset`. */
  addFrame(values: Float32Array, offset: number): void {
    const { sum, sumSquares } = this;
    for (let c = 0; c < this.dimension; c++) {
      const value = values[offset + c] as number;
      sum[c] = (sum[c] as number) + value;
      sumSquares[c] = (sumSquares[c] as number) + value * value;
    }
    this.frames++;
  }

  /**
   * The z-normalisation value -> (value - shift) * scale with the mean and std of the stream's frames
   * pooled with `prior.frames` pseudo-frames of the prior's statistics: the prior's weight is
   * N0 / (N0 + n) after n frames, so early windows lean on the pooled statistics and later ones on
   * the stream's own.
   */
  writeAffine(prior: StatisticsPrior, shift: Float32Array, scale: Float32Array): void {
    const total = prior.frames + this.frames;
    for (let c = 0; c < this.dimension; c++) {
      const priorMean = prior.mean[c] as number;
      const priorStd = prior.std[c] as number;
      const mean = (prior.frames * priorMean + (this.sum[c] as number)) / total;
      const meanSquare =
        (prior.frames * (priorStd * priorStd + priorMean * priorMean) +
          (this.sumSquares[c] as number)) /
        total;
      const std = Math.max(MIN_STD, Math.sqrt(Math.max(0, meanSquare - mean * mean)));
      shift[c] = mean;
      scale[c] = 1 / std;
    }
  }
}
