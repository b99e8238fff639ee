// The extractor of an LLD set whose rows are several levels side by side (LevelJoin): a source
// fills the levels from the samples, and each chunk gives the rows every level has by then.
import type { FeatureMatrix } from "../feature-matrix.js";
import { RowCollector } from "../row-collector.js";
import { StreamingExtractorBase } from "../streaming-extractor-base.js";
import { type JoinedColumns, LevelJoin } from "./level-join.js";

/** What fills the levels: samples in, and the end of the input with every row it releases. */
export interface LevelSource {
  push(chunk: Float32Array): void;
  end(): void;
}

export class JoinedLevelsExtractor extends StreamingExtractorBase {
  readonly dimension: number;
  readonly delayFrames: number;
  private readonly source: LevelSource;
  private readonly pending: RowCollector;
  private readonly joined: LevelJoin;

  /** Rows of `dimension` values, `parts` of the levels `source` fills. */
  constructor(
    source: LevelSource,
    delayFrames: number,
    dimension: number,
    parts: readonly JoinedColumns[],
  ) {
    super();
    this.source = source;
    this.delayFrames = delayFrames;
    this.dimension = dimension;
    this.pending = new RowCollector(dimension);
    this.joined = new LevelJoin(dimension, parts, (row) => this.pending.append(row));
  }

  protected accept(chunk: Float32Array): FeatureMatrix {
    this.source.push(chunk);
    return this.joinedRows();
  }

  protected finish(): FeatureMatrix {
    this.source.end();
    return this.joinedRows();
  }

  private joinedRows(): FeatureMatrix {
    this.joined.join();
    return this.pending.take();
  }
}
