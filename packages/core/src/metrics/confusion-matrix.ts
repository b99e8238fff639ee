// The confusion matrix every other metric is computed from: rows are the true class, columns the
// predicted class, both in the order of the class list given (the canonical quadrant order in practice).
import { EmotionStreamError } from "../errors.js";

export interface ConfusionMatrix<C extends string = string> {
  readonly classes: readonly C[];
  /** `counts[t][p]`: items of true class `classes[t]` predicted as `classes[p]`. */
  readonly counts: readonly (readonly number[])[];
}

/** Counts (true, predicted) label pairs; labels must be names from `classes`. */
export function confusionMatrix<C extends string>(
  trueLabels: readonly C[],
  predictedLabels: readonly C[],
  classes: readonly C[],
): ConfusionMatrix<C> {
  const indexOf = new Map(classes.map((name, index) => [name, index]));
  const toIndex = (label: C, field: string) => {
    const index = indexOf.get(label);
    if (index === undefined) throw unknownClass(label, field, classes);
    return index;
  };
  return countPairs(
    trueLabels.map((label) => toIndex(label, "trueLabels")),
    predictedLabels.map((label) => toIndex(label, "predictedLabels")),
    classes,
  );
}

/** The same from class indices (e.g. argmax of model outputs), each in `0 .. classes.length - 1`. */
export function confusionMatrixFromIndices<C extends string>(
  trueIndices: ArrayLike<number>,
  predictedIndices: ArrayLike<number>,
  classes: readonly C[],
): ConfusionMatrix<C> {
  return countPairs(trueIndices, predictedIndices, classes);
}

function countPairs<C extends string>(
  trueIndices: ArrayLike<number>,
  predictedIndices: ArrayLike<number>,
  classes: readonly C[],
): ConfusionMatrix<C> {
  if (trueIndices.length !== predictedIndices.length) {
    throw new EmotionStreamError("LENGTH_MISMATCH", "true and predicted labels differ in count", {
      expected: trueIndices.length,
      received: predictedIndices.length,
    });
  }
  const counts = classes.map(() => classes.map(() => 0));
  for (let item = 0; item < trueIndices.length; item++) {
    const row = counts[checkedIndex(trueIndices[item], classes, "trueLabels")];
    const column = checkedIndex(predictedIndices[item], classes, "predictedLabels");
    if (row !== undefined) row[column] = (row[column] ?? 0) + 1;
  }
  return { classes, counts };
}

function checkedIndex(
  index: number | undefined,
  classes: readonly string[],
  field: string,
): number {
  if (index === undefined || !Number.isInteger(index) || index < 0 || index >= classes.length) {
    throw unknownClass(index ?? "undefined", field, classes);
  }
  return index;
}

function unknownClass(label: string | number, field: string, classes: readonly string[]) {
  return new EmotionStreamError("UNKNOWN_CLASS", `label ${label} is not one of the classes`, {
    field,
    value: label,
    allowed: classes,
  });
}
