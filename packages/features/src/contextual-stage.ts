// A stage that computes row n from rows n - lookbehind .. n + lookahead of its input (openSMILE's
// cWindowProcessor), and the runner that feeds it one row at a time with bounded memory. Edges are
// handled as openSMILE's data memory does: reads before the first row or after the last row of a
// level return that first or last row (DMEM_PAD_FIRST), and every stage pads its own input level,
// so a chain (smoothing then deltas, deltas then accelerations) pads each level separately.
// After the end of input openSMILE's cWindowProcessor (noPostEOIprocessing = 0) keeps computing
// rows while its read window still holds one real row, i.e. `lookbehind` rows past the end of
// its input; a following stage reads those rows, so they change its last outputs
// (accelerations, IS09's deltas), and an output that shows only this stage's level is that many
// rows longer (IS09's 411 rows against MFCC's 410).

import { copyValues } from "./copy-values.js";

export interface ContextualStage {
  readonly inputDimension: number;
  readonly outputDimension: number;
  readonly lookbehind: number;
  readonly lookahead: number;
  /** Whether the output row starts with the input row (appending), so it also shows that level. */
  readonly carriesInput: boolean;
  /**
   * Writes the output row of the centre frame n into `out` (length `outputDimension`). The row of
   * frame n + k starts at `rows[rowStarts[lookbehind + k]]` for k in -lookbehind..lookahead.
   */
  compute(rows: Float32Array, rowStarts: Int32Array, out: Float32Array): void;
}

/** Holds the last lookbehind + lookahead + 1 input rows of one stage and emits completed rows. */
export class ContextualStageRunner {
  readonly stage: ContextualStage;
  /** The most recently computed output row. */
  readonly output: Float32Array;
  private readonly capacity: number;
  private readonly rows: Float32Array;
  private readonly rowStarts: Int32Array;
  private received = 0;
  private emitted = 0;
  private ended = false;
  /** Where reads past the last row go: that row, or the row completed by short-frame columns. */
  private pastEndRowStart = -1;

  constructor(stage: ContextualStage) {
    this.stage = stage;
    this.capacity = stage.lookbehind + stage.lookahead + 1;
    // One slot more than the context: the row read past the end when `end` gets a tail.
    this.rows = new Float32Array((this.capacity + 1) * stage.inputDimension);
    this.rowStarts = new Int32Array(this.capacity);
    this.output = new Float32Array(stage.outputDimension);
  }

  /** Stores the next input row (copied from `source` at `offset`). */
  accept(source: Float32Array, offset: number): void {
    const width = this.stage.inputDimension;
    const slot = (this.received % this.capacity) * width;
    copyValues(source, offset, this.rows, slot, width);
    this.received += 1;
  }

  /**
   * No more input rows: the last ones, and `lookbehind` past the end, become computable. With a
   * `tail`, reads past the end see the last row with the columns `firstColumn ..
   * firstColumn + columnCount - 1` taken from `tail` (a level of shorter frames that held one
   * frame more; openSMILE pads each input level of a stage with its own last frame).
   */
  end(tail?: { row: Float32Array; firstColumn: number; columnCount: number }): void {
    this.ended = true;
    if (tail === undefined || this.received === 0) return;
    const width = this.stage.inputDimension;
    const slot = this.capacity * width;
    const last = ((this.received - 1) % this.capacity) * width;
    this.rows.copyWithin(slot, last, last + width);
    copyValues(tail.row, tail.firstColumn, this.rows, slot + tail.firstColumn, tail.columnCount);
    this.pastEndRowStart = slot;
  }

  /** Whether the next output row has all the context it needs. */
  hasReady(): boolean {
    if (this.received === 0) return false;
    const { lookbehind, lookahead } = this.stage;
    const available = this.ended ? this.received + lookbehind : this.received - lookahead;
    return this.emitted < available;
  }

  /** Computes the next output row into `output`. Call only while `hasReady()`. */
  computeNext(): void {
    const { lookbehind, inputDimension } = this.stage;
    const last = this.received - 1;
    for (let k = 0; k < this.capacity; k += 1) {
      const frame = Math.max(this.emitted - lookbehind + k, 0);
      this.rowStarts[k] =
        frame > last && this.pastEndRowStart >= 0
          ? this.pastEndRowStart
          : (Math.min(frame, last) % this.capacity) * inputDimension;
    }
    this.stage.compute(this.rows, this.rowStarts, this.output);
    this.emitted += 1;
  }
}

/**
 * Rows an output shows beyond the frame count: every stage computes `lookbehind` rows past its
 * input's end, and a sink that writes several levels (openSMILE's cVectorConcat, a CSV sink)
 * stops at the shortest one. The last stage's level is written, and so is each input level
 * carried by an appending stage.
 */
export function trailingRowCount(stages: readonly ContextualStage[]): number {
  const extraRows = [0];
  for (const stage of stages) extraRows.push((extraRows.at(-1) ?? 0) + stage.lookbehind);
  let shortest = extraRows.at(-1) ?? 0;
  for (let level = stages.length; level > 0 && stages[level - 1]?.carriesInput; level -= 1) {
    shortest = Math.min(shortest, extraRows[level - 1] ?? 0);
  }
  return shortest;
}
