// The study's summary scores. WA ("MICRO" in the study) weighs every item equally and so favours
// frequent classes; UAR weighs every class equally, the usual headline figure for unbalanced corpora.
import { EmotionStreamError } from "../errors.js";
import type { ConfusionMatrix } from "./confusion-matrix.js";
import { perClassF1, perClassRecall, perClassSupport, truePositives } from "./per-class.js";
import { sum } from "./sum.js";

/** Weighted accuracy = overall accuracy: correct / all items. Throws EMPTY_INPUT with no items. */
export function weightedAccuracy(matrix: ConfusionMatrix): number {
  const total = requireItems(matrix);
  const correct = sum(matrix.classes.map((_, index) => truePositives(matrix, index)));
  return correct / total;
}

/** Unweighted average recall over the classes present in the test set (support > 0). */
export function unweightedAverageRecall(matrix: ConfusionMatrix): number {
  requireItems(matrix);
  return meanOverPresent(perClassRecall(matrix), perClassSupport(matrix));
}

/** Mean F1 over the classes present in the test set: the same classes UAR averages over. */
export function macroF1(matrix: ConfusionMatrix): number {
  requireItems(matrix);
  return meanOverPresent(perClassF1(matrix), perClassSupport(matrix));
}

function meanOverPresent(values: readonly number[], counts: readonly number[]): number {
  const present = values.filter((_, index) => (counts[index] ?? 0) > 0);
  return sum(present) / present.length;
}

// An evaluation without items is a pipeline bug; a NaN score would travel silently into a model card.
function requireItems(matrix: ConfusionMatrix): number {
  const total = sum(perClassSupport(matrix));
  if (total === 0) {
    throw new EmotionStreamError("EMPTY_INPUT", "cannot score an evaluation with no items");
  }
  return total;
}
