// Rows of one width appended one at a time into a growing row-major block: the levels an
// utterance-level computation keeps whole (functionals), and the rows an extractor holds until
// the caller takes them.
import { copyValues } from "./copy-values.js";
import type { FeatureMatrix } from "./feature-matrix.js";

export class RowCollector {
  readonly dimension: number;
  private data: Float32Array;
  private count = 0;

  constructor(dimension: number, initialRows = 64) {
    this.dimension = dimension;
    this.data = new Float32Array(dimension * Math.max(1, initialRows));
  }

  get rows(): number {
    return this.count;
  }

  /** Appends `dimension` values of `source` from `offset`. */
  append(source: Float32Array, offset = 0): void {
    const { dimension } = this;
    if ((this.count + 1) * dimension > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    copyValues(source, offset, this.data, this.count * dimension, dimension);
    this.count += 1;
  }

  /** Value `column` of row `row`. */
  value(row: number, column: number): number {
    return this.data[row * this.dimension + column] as number;
  }

  /** The first `rows` rows (all by default) as a matrix viewing this collector's storage. */
  matrix(rows = this.count): FeatureMatrix {
    const kept = Math.min(rows, this.count);
    return {
      frames: kept,
      dimension: this.dimension,
      data: this.data.subarray(0, kept * this.dimension),
    };
  }

  /** Rows `first` .. `first + count - 1` as a matrix viewing this collector's storage. */
  slice(first: number, count: number): FeatureMatrix {
    const { dimension } = this;
    return {
      frames: count,
      dimension,
      data: this.data.subarray(first * dimension, (first + count) * dimension),
    };
  }

  /** Forgets the first `rows` rows (the others move up). */
  discard(rows: number): void {
    const kept = Math.max(0, this.count - rows);
    this.data.copyWithin(0, (this.count - kept) * this.dimension, this.count * this.dimension);
    this.count = kept;
  }

  /** Hands over every row (a copy) and starts empty. */
  take(): FeatureMatrix {
    const taken = { ...this.matrix(), data: this.data.slice(0, this.count * this.dimension) };
    this.count = 0;
    return taken;
  }
}
