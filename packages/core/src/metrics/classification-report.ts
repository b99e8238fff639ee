// Everything the trainer reports about one test set, computed once from one confusion matrix.

import { macroF1, unweightedAverageRecall, weightedAccuracy } from "./averages.js";
import {
  type ConfusionMatrix,
  confusionMatrix,
  confusionMatrixFromIndices,
} from "./confusion-matrix.js";
import {
  perClassF1,
  perClassPrecision,
  perClassPredicted,
  perClassRecall,
  perClassSupport,
} from "./per-class.js";

export interface ClassScores<C extends string = string> {
  readonly name: C;
  /** Items of this class in the test set; 0 means absent, and then recall is NaN. */
  readonly support: number;
  readonly predicted: number;
  /** NaN when support is 0; the study's "per-class accuracy". */
  readonly recall: number;
  /** NaN when the class was never predicted. */
  readonly precision: number;
  /** NaN only when the class is neither present nor predicted. */
  readonly f1: number;
}

export interface ClassificationReport<C extends string = string> {
  readonly classes: readonly C[];
  readonly total: number;
  readonly confusion: ConfusionMatrix<C>;
  /** In the order of `classes`. */
  readonly perClass: readonly ClassScores<C>[];
  /** Classes with support 0: left out of `uar` and `macroF1`. */
  readonly absentClasses: readonly C[];
  /** Weighted accuracy = overall accuracy (the study's "MICRO"). */
  readonly wa: number;
  readonly uar: number;
  readonly macroF1: number;
}

/**
 * All metrics for one test set. Throws UNKNOWN_CLASS for a label outside `classes`,
 * LENGTH_MISMATCH for lists of different lengths and EMPTY_INPUT for an empty test set.
 */
export function classificationReport<C extends string>(
  trueLabels: readonly C[],
  predictedLabels: readonly C[],
  classes: readonly C[],
): ClassificationReport<C> {
  return reportFromConfusion(confusionMatrix(trueLabels, predictedLabels, classes));
}

/** The same from class indices (e.g. argmax of model outputs). */
export function classificationReportFromIndices<C extends string>(
  trueIndices: ArrayLike<number>,
  predictedIndices: ArrayLike<number>,
  classes: readonly C[],
): ClassificationReport<C> {
  return reportFromConfusion(confusionMatrixFromIndices(trueIndices, predictedIndices, classes));
}

export function reportFromConfusion<C extends string>(
  confusion: ConfusionMatrix<C>,
): ClassificationReport<C> {
  const wa = weightedAccuracy(confusion);
  const supports = perClassSupport(confusion);
  const predicted = perClassPredicted(confusion);
  const recall = perClassRecall(confusion);
  const precision = perClassPrecision(confusion);
  const f1 = perClassF1(confusion);
  const perClass = confusion.classes.map((name, index) => ({
    name,
    support: supports[index] ?? 0,
    predicted: predicted[index] ?? 0,
    recall: recall[index] ?? Number.NaN,
    precision: precision[index] ?? Number.NaN,
    f1: f1[index] ?? Number.NaN,
  }));
  return {
    classes: confusion.classes,
    total: perClass.reduce((total, scores) => total + scores.support, 0),
    confusion,
    perClass,
    absentClasses: perClass.filter((scores) => scores.support === 0).map((scores) => scores.name),
    wa,
    uar: unweightedAverageRecall(confusion),
    macroF1: macroF1(confusion),
  };
}
