import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrownCode } from "../../test/thrown-code.js";
import { QUADRANT_CLASSES, type QuadrantClass } from "../quadrant-classes.js";
import { macroF1, unweightedAverageRecall, weightedAccuracy } from "./averages.js";
import {
  classificationReport,
  classificationReportFromIndices,
  reportFromConfusion,
} from "./classification-report.js";
import { confusionMatrix } from "./confusion-matrix.js";

/** Expands confusion-matrix rows (true x predicted counts) into parallel label lists. */
function labelsFrom(rows: number[][]): { truth: QuadrantClass[]; predicted: QuadrantClass[] } {
  const truth: QuadrantClass[] = [];
  const predicted: QuadrantClass[] = [];
  rows.forEach((row, t) => {
    row.forEach((count, p) => {
      for (let i = 0; i < count; i++) {
        truth.push(QUADRANT_CLASSES[t] as QuadrantClass);
        predicted.push(QUADRANT_CLASSES[p] as QuadrantClass);
      }
    });
  });
  return { truth, predicted };
}

// Rows = true class, columns = predicted, order joy, anger, sadness, pleasure.
const rows = [
  [3, 1, 0, 0], // joy: support 4
  [2, 1, 0, 0], // anger: support 3
  [0, 0, 1, 1], // sadness: support 2
  [0, 0, 1, 0], // pleasure: support 1
];

describe("classificationReport on a hand-computed example", () => {
  const { truth, predicted } = labelsFrom(rows);
  const report = classificationReport(truth, predicted, QUADRANT_CLASSES);

  it("builds the confusion matrix with rows true and columns predicted", () => {
    expect(report.confusion.counts).toEqual(rows);
    expect(report.total).toBe(10);
  });

  it("computes WA as overall accuracy: (3 + 1 + 1 + 0) / 10", () => {
    expect(report.wa).toBeCloseTo(0.5, 12);
  });

  it("computes per-class recall 3/4, 1/3, 1/2, 0/1 and their mean as UAR = 19/48", () => {
    expect(report.perClass.map((c) => c.recall)).toEqual([3 / 4, 1 / 3, 1 / 2, 0]);
    // (9/12 + 4/12 + 6/12 + 0) / 4 = 19/48
    expect(report.uar).toBeCloseTo(19 / 48, 12);
  });

  it("computes precision over predicted counts 5, 2, 2, 1: 3/5, 1/2, 1/2, 0/1", () => {
    expect(report.perClass.map((c) => c.predicted)).toEqual([5, 2, 2, 1]);
    expect(report.perClass.map((c) => c.precision)).toEqual([3 / 5, 1 / 2, 1 / 2, 0]);
  });

  it("computes F1 = 2TP/(support + predicted): 6/9, 2/5, 2/4, 0/2, macro-F1 = 47/120", () => {
    expect(report.perClass.map((c) => c.f1)).toEqual([6 / 9, 2 / 5, 2 / 4, 0]);
    // (20/30 + 12/30 + 15/30 + 0) / 4 = 47/120
    expect(report.macroF1).toBeCloseTo(47 / 120, 12);
  });

  it("lists supports in class order and no absent class", () => {
    expect(report.perClass.map((c) => [c.name, c.support])).toEqual([
      ["joy", 4],
      ["anger", 3],
      ["sadness", 2],
      ["pleasure", 1],
    ]);
    expect(report.absentClasses).toEqual([]);
  });

  it("gives the same report from class indices", () => {
    const index = (label: QuadrantClass) => QUADRANT_CLASSES.indexOf(label);
    const fromIndices = classificationReportFromIndices(
      Int32Array.from(truth, index),
      predicted.map(index),
      QUADRANT_CLASSES,
    );
    expect(fromIndices).toEqual(report);
  });
});

describe("a class absent from the test set", () => {
  // joy [1,0,1,0], anger [0,2,0,0]; sadness and pleasure have no items, sadness is predicted once.
  const report = classificationReport(
    ["joy", "joy", "anger", "anger"],
    ["joy", "sadness", "anger", "anger"],
    QUADRANT_CLASSES,
  );

  it("has support 0 and NaN recall, and is named in absentClasses", () => {
    expect(report.perClass.map((c) => c.support)).toEqual([2, 2, 0, 0]);
    expect(report.perClass.map((c) => c.recall)).toEqual([1 / 2, 1, Number.NaN, Number.NaN]);
    expect(report.absentClasses).toEqual(["sadness", "pleasure"]);
  });

  it("is left out of UAR: (1/2 + 1) / 2 = 0.75, while WA = 3/4", () => {
    expect(report.uar).toBeCloseTo(0.75, 12);
    expect(report.wa).toBeCloseTo(0.75, 12);
  });

  it("is left out of macro-F1: F1 joy 2/3, anger 1 -> 5/6", () => {
    expect(report.perClass.map((c) => c.f1)).toEqual([2 / 3, 1, 0, Number.NaN]);
    expect(report.macroF1).toBeCloseTo(5 / 6, 12);
  });

  it("gives precision 0 to a wrongly predicted absent class and NaN to one never predicted", () => {
    // joy 1/1, anger 2/2, sadness 0/1, pleasure 0/0
    expect(report.perClass.map((c) => c.precision)).toEqual([1, 1, 0, Number.NaN]);
  });
});

describe("input errors", () => {
  it("rejects an empty test set with EMPTY_INPUT", () => {
    expect(thrownCode(() => classificationReport([], [], QUADRANT_CLASSES))).toBe("EMPTY_INPUT");
    const empty = confusionMatrix([], [], QUADRANT_CLASSES);
    expect(empty.counts).toEqual([0, 0, 0, 0].map(() => [0, 0, 0, 0]));
    expect(thrownCode(() => weightedAccuracy(empty))).toBe("EMPTY_INPUT");
    expect(thrownCode(() => unweightedAverageRecall(empty))).toBe("EMPTY_INPUT");
    expect(thrownCode(() => macroF1(empty))).toBe("EMPTY_INPUT");
  });

  it("rejects labels outside the class list with UNKNOWN_CLASS", () => {
    const classes: readonly string[] = QUADRANT_CLASSES;
    expect(thrownCode(() => classificationReport(["joy"], ["surprise"], classes))).toBe(
      "UNKNOWN_CLASS",
    );
    expect(thrownCode(() => classificationReportFromIndices([4], [0], classes))).toBe(
      "UNKNOWN_CLASS",
    );
    expect(thrownCode(() => classificationReportFromIndices([0.5], [0], classes))).toBe(
      "UNKNOWN_CLASS",
    );
  });

  it("rejects lists of different lengths with LENGTH_MISMATCH", () => {
    expect(thrownCode(() => classificationReport(["joy"], [], QUADRANT_CLASSES))).toBe(
      "LENGTH_MISMATCH",
    );
  });
});

describe("properties", () => {
  const label = fc.constantFrom(...QUADRANT_CLASSES);
  const pairs = fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 60 });
  const reportOf = (items: [QuadrantClass, QuadrantClass][]) =>
    classificationReport(
      items.map(([truth]) => truth),
      items.map(([, predicted]) => predicted),
      QUADRANT_CLASSES,
    );

  it("keeps UAR, WA and macro-F1 within [0, 1]", () => {
    fc.assert(
      fc.property(pairs, (items) => {
        const { uar, wa, macroF1: f1 } = reportOf(items);
        for (const score of [uar, wa, f1]) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("does not depend on the order of the items", () => {
    fc.assert(
      fc.property(pairs, fc.infiniteStream(fc.nat()), (items, randoms) => {
        const shuffled = [...items];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (randoms.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as never, shuffled[i] as never];
        }
        expect(reportOf(shuffled)).toEqual(reportOf(items));
      }),
    );
  });

  it("scores perfect predictions 1 on every average", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1 }), (truth) => {
        const report = classificationReport(truth, truth, QUADRANT_CLASSES);
        expect([report.uar, report.wa, report.macroF1]).toEqual([1, 1, 1]);
      }),
    );
  });

  it("equals WA when every class has the same support", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(5), { minLength: 4, maxLength: 4 }), {
          minLength: 4,
          maxLength: 4,
        }),
        (raw) => {
          // Give each true class a row summing to 10 by topping up its own diagonal cell.
          const balanced = raw.map((row, t) => {
            const capped = row.map((count, p) => (p === t ? 0 : Math.min(count, 3)));
            capped[t] = 10 - capped.reduce((a, b) => a + b, 0);
            return capped;
          });
          const report = reportFromConfusion({ classes: QUADRANT_CLASSES, counts: balanced });
          expect(report.uar).toBeCloseTo(report.wa, 12);
        },
      ),
    );
  });
});
