// Rows of several levels side by side, as openSMILE joins them (cVectorConcat, a sink reading
// several levels): a joined row exists once every level has its row, so the joined level is as
// long as the shortest. The levels run at their own pace (pitch rows trail the spectral ones), so
// a join takes what all of them have and leaves the rest for the next one.
import type { RowCollector } from "../row-collector.js";

/** `count` columns of `level` from `from` go to the joined row from `to`. */
export interface JoinedColumns {
  readonly level: RowCollector;
  readonly from: number;
  readonly count: number;
  readonly to: number;
}

export class LevelJoin {
  private readonly parts: readonly JoinedColumns[];
  private readonly levels: readonly RowCollector[];
  private readonly row: Float32Array;
  private readonly sink: (row: Float32Array) => void;

  /** `sink` gets each joined row of `dimension` values (a reused buffer). */
  constructor(
    dimension: number,
    parts: readonly JoinedColumns[],
    sink: (row: Float32Array) => void,
  ) {
    this.parts = parts;
    this.levels = [...new Set(parts.map((part) => part.level))];
    this.row = new Float32Array(dimension);
    this.sink = sink;
  }

  /** Joins the rows every level has, in order, and drops them from the levels. */
  join(): void {
    const { parts, levels, row } = this;
    const ready = Math.min(...levels.map((level) => level.rows));
    for (let r = 0; r < ready; r += 1) {
      for (const { level, from, count, to } of parts) {
        for (let c = 0; c < count; c += 1) row[to + c] = level.value(r, from + c);
      }
      this.sink(row);
    }
    for (const level of levels) level.discard(ready);
  }
}
