import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrownCode } from "../test/thrown-code.js";
import {
  AGGREGATION_METHODS,
  aggregateWindowPosteriors,
  type UtteranceDecision,
  WindowPosteriorAccumulator,
} from "./utterance-aggregation.js";

const rows = (...values: number[][]) => values.map((row) => Float32Array.from(row));

function expectPosterior(decision: UtteranceDecision, expected: number[]) {
  expect(Array.from(decision.posterior)).toHaveLength(expected.length);
  expected.forEach((value, index) => {
    expect(decision.posterior[index]).toBeCloseTo(value, 6);
  });
}

// Two confident joy windows and one that all but rules joy out.
const windows = rows([0.7, 0.3, 0, 0], [0.7, 0.3, 0, 0], [0.001, 0.5, 0.499, 0]);

describe("aggregateWindowPosteriors", () => {
  it("averages probabilities by default: joy (0.7 + 0.7 + 0.001) / 3 wins", () => {
    const decision = aggregateWindowPosteriors(windows);
    expectPosterior(decision, [1.401 / 3, 1.1 / 3, 0.499 / 3, 0]);
    expect(decision.classIndex).toBe(0);
  });

  it("averages log-probabilities: the geometric mean lets one window veto joy", () => {
    const f = Math.fround;
    const floor = 1e-7; // zeros are clamped before the log
    const geometric = [
      Math.cbrt(f(0.7) * f(0.7) * f(0.001)),
      Math.cbrt(f(0.3) * f(0.3) * f(0.5)),
      Math.cbrt(floor * floor * f(0.499)),
      floor,
    ];
    const total = geometric.reduce((a, b) => a + b, 0);
    const decision = aggregateWindowPosteriors(windows, "mean-log-probability");
    expectPosterior(
      decision,
      geometric.map((value) => value / total),
    );
    expect(decision.classIndex).toBe(1);
  });

  it("counts votes: two of three windows vote joy", () => {
    const decision = aggregateWindowPosteriors(windows, "majority-vote");
    expectPosterior(decision, [2 / 3, 1 / 3, 0, 0]);
    expect(decision.classIndex).toBe(0);
  });

  it("breaks a tied vote by the mean probability", () => {
    const tied = rows([0.6, 0.4, 0, 0], [0.1, 0.9, 0, 0]);
    expect(aggregateWindowPosteriors(tied, "majority-vote").classIndex).toBe(1);
  });

  it("breaks an exact tie towards the earlier class", () => {
    expect(aggregateWindowPosteriors(rows([0.25, 0.25, 0.25, 0.25])).classIndex).toBe(0);
  });

  it("rejects no windows, ragged rows and values that are not probabilities", () => {
    expect(thrownCode(() => aggregateWindowPosteriors([]))).toBe("EMPTY_INPUT");
    expect(thrownCode(() => aggregateWindowPosteriors(rows([0.5, 0.5], [1, 0, 0])))).toBe(
      "BAD_POSTERIORS",
    );
    expect(thrownCode(() => aggregateWindowPosteriors(rows([Number.NaN, 1])))).toBe(
      "BAD_POSTERIORS",
    );
    expect(thrownCode(() => aggregateWindowPosteriors(rows([-0.1, 1.1])))).toBe("BAD_POSTERIORS");
  });

  const posteriorRow = fc
    .array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 })
    .map((values) => {
      const total = values.reduce((a, b) => a + b, 0);
      return Float32Array.from(values, (value) => (total > 0 ? value / total : 0.25));
    });

  it("returns a distribution whose argmax is the decision, for every method", () => {
    fc.assert(
      fc.property(
        fc.array(posteriorRow, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...AGGREGATION_METHODS),
        (windowRows, method) => {
          const { posterior, classIndex } = aggregateWindowPosteriors(windowRows, method);
          expect(posterior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
          expect(posterior[classIndex]).toBe(Math.max(...posterior));
        },
      ),
    );
  });

  it("agrees with the window itself when all windows are the same", () => {
    fc.assert(
      fc.property(posteriorRow, fc.integer({ min: 1, max: 5 }), (row, count) => {
        const decisions = AGGREGATION_METHODS.map(
          (method) => aggregateWindowPosteriors(Array(count).fill(row), method).classIndex,
        );
        expect(new Set(decisions).size).toBe(1);
        expect(row[decisions[0] ?? -1]).toBe(Math.max(...row));
      }),
    );
  });

  it("is what the accumulator decides one window at a time, for every method", () => {
    fc.assert(
      fc.property(
        fc.array(posteriorRow, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...AGGREGATION_METHODS),
        (windowRows, method) => {
          const accumulator = new WindowPosteriorAccumulator(4);
          for (const row of windowRows) accumulator.add(row);
          expect(accumulator.windows).toBe(windowRows.length);
          const streamed = accumulator.decide(method);
          const pooled = aggregateWindowPosteriors(windowRows, method);
          expect(streamed.classIndex).toBe(pooled.classIndex);
          expect(Array.from(streamed.posterior)).toEqual(Array.from(pooled.posterior));
        },
      ),
    );
  });

  it("accumulator: reports the first bad window when deciding, and no windows as EMPTY_INPUT", () => {
    const accumulator = new WindowPosteriorAccumulator(2);
    expect(thrownCode(() => accumulator.decide())).toBe("EMPTY_INPUT");
    accumulator.add(Float32Array.from([0.5, 0.5]));
    accumulator.add(Float32Array.from([Number.NaN, 1]));
    accumulator.add(Float32Array.from([0.5, 0.5]));
    expect(thrownCode(() => accumulator.decide())).toBe("BAD_POSTERIORS");
  });
});
