// openSMILE's cDeltaRegression: d[n] = sum_{i=1..W} i (x[n+i] - x[n-i]) / (2 sum_{i=1..W} i^2),
// in float32 arithmetic as openSMILE computes it. The stage keeps its input row and appends the
// deltas of a range of its columns, so chaining two stages gives statics, deltas, accelerations.
// With onlyInSegments (ComParE's voice contours) a pair whose either value is 0 or NaN is left
// out, and openSMILE's quirk is kept: each pair used adds i^2 to the divisor for good, a float32
// sum carried over columns and frames from 2 sum i^2 on, so the deltas shrink as the stream goes
// on (zeroSegBound has no effect: zeros always bound segments).
import type { ContextualStage } from "./contextual-stage.js";
import { copyValues } from "./copy-values.js";

export interface DeltaRegressionOptions {
  readonly inputDimension: number;
  /** openSMILE `deltawin`: half the regression window, in frames (>= 1). */
  readonly deltaWindow: number;
  /** First column whose deltas are appended (default 0). */
  readonly sourceStart?: number;
  /** Number of columns whose deltas are appended (default: all from `sourceStart`). */
  readonly sourceCount?: number;
  /**
   * openSMILE `onlyInSegments`: skip pairs that cross a 0 or NaN, with its growing divisor. The
   * stage then carries that divisor from row to row: one stage per stream, rows in order.
   */
  readonly onlyInSegments?: boolean;
}

export function createDeltaRegressionStage(options: DeltaRegressionOptions): ContextualStage {
  const { inputDimension, deltaWindow } = options;
  const sourceStart = options.sourceStart ?? 0;
  const sourceCount = options.sourceCount ?? inputDimension - sourceStart;
  if (!Number.isInteger(deltaWindow) || deltaWindow < 1) {
    throw new RangeError(`deltaWindow must be a positive integer, got ${deltaWindow}`);
  }
  if (sourceStart < 0 || sourceCount < 1 || sourceStart + sourceCount > inputDimension) {
    throw new RangeError(`delta source columns outside the ${inputDimension} input columns`);
  }
  let norm = 0;
  for (let i = 1; i <= deltaWindow; i += 1) norm = Math.fround(norm + i * i);
  norm = Math.fround(norm * 2);
  const onlyInSegments = options.onlyInSegments === true;
  return {
    inputDimension,
    outputDimension: inputDimension + sourceCount,
    lookbehind: deltaWindow,
    lookahead: deltaWindow,
    carriesInput: true,
    compute(rows, rowStarts, out) {
      const centre = rowStarts[deltaWindow] ?? 0;
      copyValues(rows, centre, out, 0, inputDimension);
      for (let c = 0; c < sourceCount; c += 1) {
        const column = sourceStart + c;
        let numerator = 0;
        for (let i = 1; i <= deltaWindow; i += 1) {
          const later = rows[(rowStarts[deltaWindow + i] ?? 0) + column] ?? 0;
          const prior = rows[(rowStarts[deltaWindow - i] ?? 0) + column] ?? 0;
          if (onlyInSegments) {
            if (later === 0 || prior === 0 || Number.isNaN(later) || Number.isNaN(prior)) continue;
            norm = Math.fround(norm + i * i);
          }
          numerator = Math.fround(numerator + Math.fround(i * Math.fround(later - prior)));
        }
        out[inputDimension + c] = numerator / norm;
      }
    },
  };
}
