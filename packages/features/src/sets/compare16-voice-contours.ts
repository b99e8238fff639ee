// ComParE 2016's voice contours as its LLD file shows them: the rows of Compare16Pitch smoothed
// over their non-zero values (is13_smoNz: cContourSmoother smaWin 3, noZeroSma 1) and the deltas
// of those (is13_deNz: cDeltaRegression deltawin 2, onlyInSegments 1), row r holding both.
//
// How openSMILE ends these levels, reproduced (its level dumps agree bit for bit):
// the smoother reads the pitch level and cPitchJitter's level side by side, each padded past its
// own end. Its end-of-input pass finds the pitch rows complete but the jitter rows only up to V,
// the frames decided before the end of input (see Compare16Pitch), so smoothed rows V - 1 and V
// see real pitch rows and padded jitter rows; the jitter rows past V arrive after that pass and
// the smoother goes on with them as if they followed, and pads again at the true end. The
// deltas keep pace row by row: in an end-of-input pass each component computes one row per tick,
// the smoother first, and the deltas pad their window with the last smoothed row that exists at
// that tick, so a delta row can be computed from a padding that later smoothed rows would not
// have given (and the running divisor of onlyInSegments counts it).
import { COMPARE16_PITCH_COLUMNS } from "../compare16-pitch.js";
import { ContextualStageRunner } from "../contextual-stage.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import { RowCollector } from "../row-collector.js";
import { GemapsSmoothedLevel } from "./gemaps-smoothed-level.js";

/** The LLD file's names: the smoothed contours, then their deltas. */
export const COMPARE16_VOICE_CONTOUR_COLUMNS = [
  ...COMPARE16_PITCH_COLUMNS.map((name) => `${name}_sma`),
  ...COMPARE16_PITCH_COLUMNS.map((name) => `${name}_sma_de`),
] as const;

const DIMENSION = COMPARE16_PITCH_COLUMNS.length;
/** F0final and voicingFinalUnclipped, the pitch level's columns. */
const PITCH_COLUMNS = 2;
const DELTA_WINDOW = 2;

export class Compare16VoiceContours {
  /** Rows an output row trails its unsmoothed row by: the smoothing's and the deltas' lookahead. */
  readonly delay = 1 + DELTA_WINDOW;
  /** Rows of COMPARE16_VOICE_CONTOUR_COLUMNS not yet taken: one per frame plus one past the end. */
  readonly output: RowCollector;
  private readonly pitch = new GemapsSmoothedLevel(PITCH_COLUMNS, true);
  private readonly voiceQuality = new GemapsSmoothedLevel(DIMENSION - PITCH_COLUMNS, true);
  private readonly deltas = new ContextualStageRunner(
    createDeltaRegressionStage({
      inputDimension: DIMENSION,
      deltaWindow: DELTA_WINDOW,
      onlyInSegments: true,
    }),
  );
  /** Smoothed rows from the first not yet output on. */
  private readonly smoothed = new RowCollector(DIMENSION);
  /** Delta rows from the first not yet output on. */
  private readonly deltaRows = new RowCollector(DIMENSION);
  private readonly smoothedRow = new Float32Array(DIMENSION);
  private readonly outputRow = new Float32Array(2 * DIMENSION);
  private accepted = 0;
  /** Rows accepted before `lateRowsFollow` (openSMILE's V), or -1 before it. */
  private onTime = -1;
  private smoothedCount = 0;
  /** Smoothed rows given to the deltas, delta rows computed, rows output. */
  private fed = 0;
  private deltaCount = 0;
  private outputCount = 0;
  private ended = false;

  /** `expectedRows`: the output rows a caller that keeps them all expects, to size them once. */
  constructor(expectedRows?: number) {
    this.output = new RowCollector(2 * DIMENSION, expectedRows);
  }

  /** The next unsmoothed row (COMPARE16_PITCH_COLUMNS, `source` from `offset`). */
  accept(source: Float32Array, offset = 0): void {
    this.pitch.accept(source, offset);
    this.voiceQuality.accept(source, offset + PITCH_COLUMNS);
    this.accepted += 1;
    this.assemble();
    if (this.onTime >= 0) return;
    while (this.fed < this.smoothedCount) {
      this.feed();
      while (this.deltaCount + DELTA_WINDOW < this.fed) this.computeDelta();
    }
    this.join(this.fed);
  }

  /** The rows accepted from now on are late (Compare16PitchSink.lateRowsFollow). */
  lateRowsFollow(): void {
    if (this.onTime >= 0) return;
    this.onTime = this.accepted;
    this.voiceQuality.end();
  }

  /** No more rows: the remaining output rows, down to the one past the end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.lateRowsFollow();
    this.pitch.end();
    this.voiceQuality.finish();
    this.assemble();
    this.deltas.end();
    const onTime = this.onTime;
    const frames = this.accepted;
    // The pass at the end of input: smoothed rows V - 1 and V.
    this.endOfInputPass(onTime >= 1 ? onTime + 1 : 0);
    // The late jitter rows: the smoother needs no padding up to frame - 2.
    while (this.fed < frames - 1) {
      this.feed();
      while (this.deltaCount + DELTA_WINDOW < this.fed) this.computeDelta();
    }
    this.endOfInputPass(frames + 1);
    this.join(this.smoothedCount);
  }

  /** Smoothed rows whose two parts are both computed. */
  private assemble(): void {
    const pitch = this.pitch.output;
    const voiceQuality = this.voiceQuality.output;
    const ready = Math.min(pitch.rows, voiceQuality.rows);
    const row = this.smoothedRow;
    for (let r = 0; r < ready; r += 1) {
      for (let c = 0; c < PITCH_COLUMNS; c += 1) row[c] = pitch.value(r, c);
      for (let c = PITCH_COLUMNS; c < DIMENSION; c += 1) {
        row[c] = voiceQuality.value(r, c - PITCH_COLUMNS);
      }
      this.smoothed.append(row);
    }
    pitch.discard(ready);
    voiceQuality.discard(ready);
    this.smoothedCount += ready;
  }

  /**
   * openSMILE's end-of-input tick loop: per tick the smoother writes its next row (until
   * `smoothedUntil`), then the deltas compute one while their window holds a smoothed row.
   */
  private endOfInputPass(smoothedUntil: number): void {
    for (;;) {
      let progressed = false;
      if (this.fed < smoothedUntil) {
        this.feed();
        progressed = true;
      }
      if (this.fed > 0 && this.deltaCount < this.fed + DELTA_WINDOW) {
        this.computeDelta();
        progressed = true;
      }
      if (!progressed) return;
    }
  }

  /** Gives the next smoothed row to the deltas. */
  private feed(): void {
    const at = this.fed - this.outputCount;
    for (let c = 0; c < DIMENSION; c += 1) this.smoothedRow[c] = this.smoothed.value(at, c);
    this.deltas.accept(this.smoothedRow, 0);
    this.fed += 1;
  }

  /** The next delta row, its window padded with the last smoothed row given so far. */
  private computeDelta(): void {
    this.deltas.computeNext();
    this.deltaRows.append(this.deltas.output, DIMENSION);
    this.deltaCount += 1;
  }

  /** Outputs the rows, below `until`, whose smoothed and delta rows are both final. */
  private join(until: number): void {
    const ready = Math.min(until, this.deltaCount) - this.outputCount;
    if (ready <= 0) return;
    const row = this.outputRow;
    for (let r = 0; r < ready; r += 1) {
      for (let c = 0; c < DIMENSION; c += 1) {
        row[c] = this.smoothed.value(r, c);
        row[DIMENSION + c] = this.deltaRows.value(r, c);
      }
      this.output.append(row);
    }
    this.smoothed.discard(ready);
    this.deltaRows.discard(ready);
    this.outputCount += ready;
  }
}
