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

/**
 * Pools window posteriors (one row per window, e.g. `subarray` views of a model's flat output).
 * Majority-vote ties between classes are broken by their mean probability.
 */
export function aggregateWindowPosteriors(
  windows: readonly Float32Array[],
  method: AggregationMethod = "mean-probability",
): UtteranceDecision {
  const classCount = checkedClassCount(windows);
  const mean = meanOf(windows, classCount, (p) => p);
  if (method === "mean-probability") return decide(normalised(mean), mean);
  if (method === "mean-log-probability") {
    const meanLog = meanOf(windows, classCount, (p) => Math.log(Math.max(p, LOG_FLOOR)));
    return decide(softmax(meanLog), mean);
  }
  return decide(voteShares(windows, classCount), mean);
}

function checkedClassCount(windows: readonly Float32Array[]): number {
  const first = windows[0];
  if (first === undefined) {
    throw new EmotionStreamError("EMPTY_INPUT", "an utterance needs at least one window");
  }
  for (const [index, row] of windows.entries()) {
    if (row.length !== first.length || row.length === 0) {
      throw new EmotionStreamError("BAD_POSTERIORS", "window posteriors differ in width", {
        field: `windows[${index}]`,
        expected: first.length,
        received: row.length,
      });
    }
    if (row.some((p) => !(p >= 0 && p <= 1))) {
      throw new EmotionStreamError("BAD_POSTERIORS", "posterior value outside [0, 1]", {
        field: `windows[${index}]`,
      });
    }
  }
  return first.length;
}

function meanOf(
  windows: readonly Float32Array[],
  classCount: number,
  transform: (probability: number) => number,
): Float64Array {
  const total = new Float64Array(classCount);
  for (const row of windows) {
    for (let c = 0; c < classCount; c++) total[c] = (total[c] ?? 0) + transform(row[c] ?? 0);
  }
  return total.map((value) => value / windows.length);
}

function voteShares(windows: readonly Float32Array[], classCount: number): Float64Array {
  const votes = new Float64Array(classCount);
  for (const row of windows) {
    const winner = argmax(row);
    votes[winner] = (votes[winner] ?? 0) + 1 / windows.length;
  }
  return votes;
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
