// One of GeMAPS's cContourSmoother levels (smaWin 3, "sma3" or, with noZeroSma, "sma3nz") with
// the way it ends in openSMILE. A level whose selector also reads cPitchJitter ends early: the
// pitch frames that the Viterbi smoother decides only when the input ends reach cPitchJitter in
// openSMILE's end-of-input pass, which it sits out, so the smoother ends on the rows before them
// (the row past that end repeats the last of those) and then reads the late rows all at once as
// if they followed. The caller ends such a level before ending the pitch, and `finish`es it after.
import { ContextualStageRunner } from "../contextual-stage.js";
import { createContourSmootherStage } from "../contour-smoother.js";
import { RowCollector } from "../row-collector.js";

const SMA_WIN = 3;

export class GemapsSmoothedLevel {
  /** Smoothed rows not yet taken. */
  readonly output: RowCollector;
  private readonly runner: ContextualStageRunner;
  /** Rows accepted after `end`, read at `finish`. */
  private readonly late: RowCollector;
  private ended = false;

  constructor(dimension: number, noZeroSma: boolean) {
    this.runner = new ContextualStageRunner(
      createContourSmootherStage({ inputDimension: dimension, smaWin: SMA_WIN, noZeroSma }),
    );
    this.output = new RowCollector(dimension);
    this.late = new RowCollector(dimension, 4);
  }

  /** The next unsmoothed row: `dimension` values of `source` from `offset`. */
  accept(source: Float32Array, offset = 0): void {
    if (this.ended) {
      this.late.append(source, offset);
      return;
    }
    this.runner.accept(source, offset);
    this.drain();
  }

  /** The smoother ends: its last rows and the row past the end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.runner.end();
    this.drain();
  }

  /** The rows accepted after `end`, read together as if they had followed. */
  finish(): void {
    if (this.late.rows === 0) return;
    const late = this.late.take();
    for (let row = 0; row < late.frames; row += 1) {
      this.runner.accept(late.data, row * late.dimension);
    }
    this.drain();
  }

  private drain(): void {
    while (this.runner.hasReady()) {
      this.runner.computeNext();
      this.output.append(this.runner.output);
    }
  }
}
