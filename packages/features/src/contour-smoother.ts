// openSMILE's cContourSmoother: a centred moving average over `smaWin` frames (odd), summed in
// float32 in openSMILE's order (centre, then n-w and n+w outwards) and divided by the window.
// With `noZeroSma` (GeMAPS's "sma3nz" contours of voiced-only values) a zero stays zero and zeros
// in the window are left out of the sum and of the count.
import type { ContextualStage } from "./contextual-stage.js";

export interface ContourSmootherOptions {
  readonly inputDimension: number;
  /** openSMILE `smaWin`: odd window length in frames (an even value is raised by one, as there). */
  readonly smaWin: number;
  /** openSMILE `noZeroSma`: average only the non-zero values; a zero row value stays zero. */
  readonly noZeroSma?: boolean;
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
      if (options.noZeroSma === true) {
        averageNonZero(rows, rowStarts, half, inputDimension, out);
        return;
      }
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

function averageNonZero(
  rows: Float32Array,
  rowStarts: Int32Array,
  half: number,
  dimension: number,
  out: Float32Array,
): void {
  const centre = rowStarts[half] ?? 0;
  for (let c = 0; c < dimension; c += 1) {
    let sum = rows[centre + c] ?? 0;
    if (sum === 0) {
      out[c] = 0;
      continue;
    }
    let count = 1;
    for (let w = 1; w <= half; w += 1) {
      const before = rows[(rowStarts[half - w] ?? 0) + c] ?? 0;
      if (before !== 0) {
        sum = Math.fround(sum + before);
        count += 1;
      }
      const after = rows[(rowStarts[half + w] ?? 0) + c] ?? 0;
      if (after !== 0) {
        sum = Math.fround(sum + after);
        count += 1;
      }
    }
    out[c] = sum / count;
  }
}
