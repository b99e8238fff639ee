// Per-class rates from a confusion matrix. A rate whose denominator is zero is NaN ("undefined"),
// never 0, so averages can tell an absent class from a class the model always misses.
import type { ConfusionMatrix } from "./confusion-matrix.js";
import { sum } from "./sum.js";

/** Items of each true class in the test set (row sums). */
export function perClassSupport(matrix: ConfusionMatrix): number[] {
  return matrix.counts.map((row) => sum(row));
}

/** Items predicted as each class (column sums). */
export function perClassPredicted(matrix: ConfusionMatrix): number[] {
  return matrix.classes.map((_, column) => sum(matrix.counts.map((row) => row[column] ?? 0)));
}

/** Recall per class: correct / support; what the original study calls "per-class accuracy". */
export function perClassRecall(matrix: ConfusionMatrix): number[] {
  return perClassSupport(matrix).map((count, index) => truePositives(matrix, index) / count);
}

/** Precision per class: correct / predicted as that class; NaN for a class never predicted. */
export function perClassPrecision(matrix: ConfusionMatrix): number[] {
  return perClassPredicted(matrix).map((count, index) => truePositives(matrix, index) / count);
}

/**
 * F1 per class as 2·TP / (2·TP + FP + FN): equal to the harmonic mean of precision and recall,
 * 0 (not NaN) for a present class never predicted, NaN only for a class neither present nor predicted.
 */
export function perClassF1(matrix: ConfusionMatrix): number[] {
  const trueCounts = perClassSupport(matrix);
  const predicted = perClassPredicted(matrix);
  return matrix.classes.map((_, index) => {
    const correct = truePositives(matrix, index);
    return (2 * correct) / ((trueCounts[index] ?? 0) + (predicted[index] ?? 0));
  });
}

/** Correctly classified items of class `index` (the diagonal). */
export function truePositives(matrix: ConfusionMatrix, index: number): number {
  return matrix.counts[index]?.[index] ?? 0;
}
