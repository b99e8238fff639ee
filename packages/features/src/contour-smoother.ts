// openSMILE's cContourSmoother: a centred moving average over `smaWin` frames (odd), summed in
// float32 in openSMILE's order (centre, then n-w and n+w outwards) and divided by the window.
import type { ContextualStage } from "./contextual-stage.js";

export interface ContourSmootherOptions {
  readonly inputDimension: number;
  /** openSMILE `smaWin`: odd window length in frames (an even value is raised by one, as there). */
  readonly smaWin: number;
}

export function createContourSmootherStage(options: ContourSmootherOptions): ContextualStage {
  const { inputDimension } = options;
  if (!Number.isInteger(options.smaWin) || options.smaWin < 1) {
    throw new RangeError(`smaWin must be a positive integer, got ${options.smaWin}`);
  }
  const smaWin = options.smaWin % 2 === 0 ? options.smaWin + 1 : options.smaWin;
  const half = (smaWin - 1) / 2;
  return {
    inputDimension,
    outputDimension: inputDimension,
    lookbehind: half,
    lookahead: half,
    carriesInput: false,
    compute(rows, rowStarts, out) {
      const centre = rowStarts[half] ?? 0;
      for (let c = 0; c < inputDimension; c += 1) {
        let sum = rows[centre + c] ?? 0;
        for (let w = 1; w <= half; w += 1) {
          sum = Math.fround(sum + (rows[(rowStarts[half - w] ?? 0) + c] ?? 0));
          sum = Math.fround(sum + (rows[(rowStarts[half + w] ?? 0) + c] ?? 0));
        }
        out[c] = sum / smaWin;
      }
    },
  };
}
