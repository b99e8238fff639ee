// A classification report as the model card records it: JSON has no NaN, so an absent class's
// recall becomes null, and the confusion matrix is reordered into the card's class order.

import { EmotionStreamError } from "./errors.js";
import type { ClassificationReport } from "./metrics/classification-report.js";
import type { TestSetMetrics } from "./model-card.js";
import { QUADRANT_CLASSES, type QuadrantClass } from "./quadrant-classes.js";

export function testSetMetricsFromReport(
  testSet: string,
  level: TestSetMetrics["level"],
  report: ClassificationReport<QuadrantClass>,
  cardClasses: readonly QuadrantClass[] = QUADRANT_CLASSES,
): TestSetMetrics {
  const order = cardClasses.map((name) => {
    const index = report.classes.indexOf(name);
    if (index < 0) {
      throw new EmotionStreamError("UNKNOWN_CLASS", `report has no class ${name}`, {
        value: name,
        allowed: report.classes,
      });
    }
    return index;
  });
  // The card's classes are all four quadrants (its schema says so), so every key is present.
  const perClassRecall = Object.fromEntries(
    cardClasses.map((name, position) => {
      const recall = report.perClass[order[position] ?? -1]?.recall ?? Number.NaN;
      return [name, Number.isNaN(recall) ? null : recall];
    }),
  ) as Record<QuadrantClass, number | null>;
  return {
    testSet,
    level,
    items: report.total,
    uar: report.uar,
    wa: report.wa,
    macroF1: report.macroF1,
    perClassRecall,
    confusion: order.map((row) =>
      order.map((column) => report.confusion.counts[row]?.[column] ?? 0),
    ),
  };
}
