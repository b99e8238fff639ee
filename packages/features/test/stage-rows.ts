// Rows through one contextual stage as the level after it sees them: every row the stage gives for
// the rows fed in order, the rows it computes past the end included. With `onTime`, the stage ends
// after that many rows and reads the others as if they had followed, as GeMAPS's smoothers read
// the pitch rows cPitchJitter gives only after openSMILE's end-of-input pass.
import { type ContextualStage, ContextualStageRunner } from "../src/contextual-stage.js";

export interface StageRowsOptions {
  /** Rows before the end of input (all by default, at least 1). */
  readonly onTime?: number;
  /** The short-frame columns of the row past the end (ContextualStageRunner.end). */
  readonly tail?: { row: Float32Array; firstColumn: number; columnCount: number };
}

export function stageRows(
  stage: ContextualStage,
  rows: readonly ArrayLike<number>[],
  options: StageRowsOptions = {},
): number[][] {
  const { onTime = rows.length, tail } = options;
  const runner = new ContextualStageRunner(stage);
  const out: number[][] = [];
  const drain = () => {
    while (runner.hasReady()) {
      runner.computeNext();
      out.push(Array.from(runner.output));
    }
  };
  rows.forEach((row, r) => {
    runner.accept(Float32Array.from(row), 0);
    // Its context holds only the rows a computation reads: compute before the next row goes in.
    if (r < onTime) drain();
    if (r === onTime - 1) {
      runner.end(tail);
      drain();
    }
  });
  drain();
  return out;
}
