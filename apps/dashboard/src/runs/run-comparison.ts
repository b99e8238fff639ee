// The figures rows of a side-by-side comparison: UAR, WA and macro-F1 for every test set any of
// the runs was tested on (and again after AdaBN where a run was adapted), with the best run of each
// row marked.
import { describeResult, shownResults } from "./run-list.js";
import type { RunRecord } from "./run-record.js";

export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  /** One per run, in the runs' order; undefined where a run has no such test set. */
  readonly values: readonly (number | undefined)[];
  /** Indices of the highest value (all of them on a tie), when at least two runs have one. */
  readonly best: readonly number[];
}

const METRICS = [
  { key: "uar", label: "UAR" },
  { key: "wa", label: "WA" },
  { key: "macroF1", label: "Macro-F1" },
] as const;

export function comparisonRows(
  runs: readonly Pick<RunRecord, "tests" | "adaptedTests">[],
): ComparisonRow[] {
  // Each run's results by their description ("emodb (de)", "emodb (de) after AdaBN").
  const described = runs.map(
    (run) => new Map(shownResults(run).map((shown) => [describeResult(shown), shown.result])),
  );
  const testSets = [...new Set(described.flatMap((results) => [...results.keys()]))].sort();
  return testSets.flatMap((testSet) =>
    METRICS.map(({ key, label }) => {
      const values = described.map((results) => results.get(testSet)?.[key]);
      return {
        key: `${testSet}:${key}`,
        label: `${label} on ${testSet}`,
        values,
        best: bestIndices(values),
      };
    }),
  );
}

function bestIndices(values: readonly (number | undefined)[]): number[] {
  const present = values.filter((value): value is number => value !== undefined);
  if (present.length < 2) return [];
  const best = Math.max(...present);
  return values.flatMap((value, index) => (value === best ? [index] : []));
}
