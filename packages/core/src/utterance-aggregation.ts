// One decision per utterance from the posteriors of its windows. The model classifies fixed-length
// windows; the study scores whole utterances, so window outputs are pooled here.
import { EmotionStreamError } from "./errors.js";

export const AGGREGATION_METHODS = [
  /** Average the window posteriors (the default; robust to one overconfident window). */
  "mean-probability",
  /** Average log-posteriors, i.e. a normalised geometric mean: every window can veto a class. */
  "mean-log-probability",
  /** Each window votes for its argmax; the posterior is the share of votes. */
  "majority-vote",
] as const;

export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export interface UtteranceDecision {
  /** One probability per class, summing to 1. */
  readonly posterior: Float32Array;
  /** Argmax of `posterior`; ties go to the lower index, i.e. earlier in the canonical order. */
  readonly classIndex: number;
}

// log(0) would let a single window's exact zero decide the utterance; clamp to this floor instead.
const LOG_FLOOR = 1e-7;

// A float32 softmax over a few classes sums to 1 within a few ulps; 1e-3 leaves room for any
// rounding yet refuses logits, scores or a second probability vector.
const SUM_TOLERANCE = 1e-3;

/**
 * Why `row` is not a posterior over `classCount` classes (its width, a value that is NaN or outside
 * [0, 1], a sum other than 1), or undefined when it is one.
 */
export function posteriorRowProblem(
  row: ArrayLike<number>,
  classCount: number,
): string | undefined {
  if (row.length !== classCount || classCount === 0) {
    return `has ${row.length} values, not one per class (${classCount})`;
  }
  let sum = 0;
  for (let c = 0; c < row.length; c++) {
    const p = row[c] as number;
    if (!(p >= 0 && p <= 1)) return `has ${p} for class ${c}, outside [0, 1]`;
    sum += p;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) return `sums to ${sum}, not 1`;
  return undefined;
}

/**
 * Pools window posteriors (one row per window, e.g. `subarray` views of a model's flat output).
 * Majority-vote ties between classes are broken by their mean probability.
 */
export function aggregateWindowPosteriors(
  windows: readonly Float32Array[],
  method: AggregationMethod = "mean-probability",
): UtteranceDecision {
  const accumulator = new WindowPosteriorAccumulator(windows[0]?.length ?? 0);
  for (const row of windows) accumulator.add(row);
  return accumulator.decide(method);
}

/**
 * The same pooling one window at a time in O(classes) memory (sums of probabilities and of
 * log-probabilities, and votes), so a live stream of any length is summarised without keeping
 * its windows. A bad row is reported by `decide`, as `aggregateWindowPosteriors` reports it.
 */
export class WindowPosteriorAccumulator {
  private readonly sums: Float64Array;
  private readonly logSums: Float64Array;
  private readonly votes: Float64Array;
  private count = 0;
  /** The first row that was not a posterior of `classCount` probabilities. */
  private problem: EmotionStreamError | undefined;

  constructor(readonly classCount: number) {
    this.sums = new Float64Array(classCount);
    this.logSums = new Float64Array(classCount);
    this.votes = new Float64Array(classCount);
  }

  /** Windows added so far. */
  get windows(): number {
    return this.count;
  }

  add(row: Float32Array): void {
    const index = this.count++;
    if (this.problem !== undefined) return;
    const problem = posteriorRowProblem(row, this.classCount);
    if (problem !== undefined) {
      this.problem = new EmotionStreamError("BAD_POSTERIORS", `window posterior ${problem}`, {
        field: `windows[${index}]`,
      });
      return;
    }
    for (let c = 0; c < this.classCount; c++) {
      const p = row[c] as number;
      this.sums[c] = (this.sums[c] as number) + p;
      this.logSums[c] = (this.logSums[c] as number) + Math.log(Math.max(p, LOG_FLOOR));
    }
    const winner = argmax(row);
    this.votes[winner] = (this.votes[winner] as number) + 1;
  }

  decide(method: AggregationMethod = "mean-probability"): UtteranceDecision {
    if (this.count === 0) {
      throw new EmotionStreamError("EMPTY_INPUT", "an utterance needs at least one window");
    }
    if (this.problem !== undefined) throw this.problem;
    const mean = this.sums.map((sum) => sum / this.count);
    if (method === "mean-probability") return decide(normalised(mean), mean);
    if (method === "mean-log-probability") {
      return decide(softmax(this.logSums.map((sum) => sum / this.count)), mean);
    }
    return decide(
      this.votes.map((votes) => votes / this.count),
      mean,
    );
  }
}

/** Rows of a softmax output sum to 1 only up to rounding; renormalise so the decision's does exactly. */
function normalised(values: Float64Array): Float64Array {
  const total = values.reduce((sum, value) => sum + value, 0);
  return total > 0 ? values.map((value) => value / total) : values.map(() => 1 / values.length);
}

function softmax(logits: Float64Array): Float64Array {
  const max = Math.max(...logits);
  return normalised(logits.map((value) => Math.exp(value - max)));
}

function decide(posterior: Float64Array, tieBreak: Float64Array): UtteranceDecision {
  let best = 0;
  for (let c = 1; c < posterior.length; c++) {
    const score = posterior[c] ?? 0;
    const bestScore = posterior[best] ?? 0;
    if (score > bestScore || (score === bestScore && (tieBreak[c] ?? 0) > (tieBreak[best] ?? 0))) {
      best = c;
    }
  }
  return { posterior: Float32Array.from(posterior), classIndex: best };
}

function argmax(row: Float32Array): number {
  let best = 0;
  for (let c = 1; c < row.length; c++) if ((row[c] ?? 0) > (row[best] ?? 0)) best = c;
  return best;
}
