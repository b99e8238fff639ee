// The runs list: one row per run, a free-text filter over what a researcher remembers about a run
// (experiment, preset, corpora, languages, id) and sorting by any column.
import type { CorpusLanguage, RunSummary, TestSetResult } from "./run-record.js";

export const RUN_SORT_KEYS = ["date", "experiment", "preset", "uar", "wa"] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

export interface RunListQuery {
  readonly filter: string;
  readonly sortKey: RunSortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_RUN_LIST_QUERY: RunListQuery = {
  filter: "",
  sortKey: "date",
  direction: "descending",
};

export function describeCorpora(entries: readonly CorpusLanguage[]): string {
  return entries.map((entry) => `${entry.corpus} (${entry.language})`).join(", ");
}

/** A test result as the list and the comparison show it: of the model as trained, or after AdaBN. */
export interface ShownResult {
  readonly result: TestSetResult;
  readonly adapted: boolean;
}

export function shownResults(run: Pick<RunSummary, "tests" | "adaptedTests">): ShownResult[] {
  return [
    ...run.tests.map((result) => ({ result, adapted: false })),
    ...run.adaptedTests.map((result) => ({ result, adapted: true })),
  ];
}

/** "emodb (de)", or "emodb (de) after AdaBN". */
export function describeResult({ result, adapted }: ShownResult): string {
  return `${result.corpus} (${result.language})${adapted ? " after AdaBN" : ""}`;
}

/**
 * Mean over the run's test sets, of the model as trained (after AdaBN only for a run scored that
 * way alone, e.g. `evaluate --adapt-batchnorm`); undefined for a run with no test results yet.
 */
export function meanTestMetric(run: RunSummary, metric: "uar" | "wa"): number | undefined {
  const results = run.tests.length > 0 ? run.tests : run.adaptedTests;
  if (results.length === 0) return undefined;
  return results.reduce((sum, result) => sum + result[metric], 0) / results.length;
}

export function queryRuns<Run extends RunSummary>(
  runs: readonly Run[],
  query: RunListQuery,
): Run[] {
  const words = query.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = runs.filter((run) => {
    const text = searchableText(run);
    return words.every((word) => text.includes(word));
  });
  const sign = query.direction === "ascending" ? 1 : -1;
  return matching.sort(
    (a, b) =>
      compareMissingLast(query.sortKey, a, b) ||
      sign * compareBy(query.sortKey, a, b) ||
      a.id.localeCompare(b.id),
  );
}

function searchableText(run: RunSummary): string {
  const corpora = [...run.train, ...run.tests, ...run.adaptedTests].flatMap((entry) => [
    entry.corpus,
    entry.language,
  ]);
  const adapted = run.adaptedTests.length > 0 ? ["adabn"] : [];
  return [run.id, run.experiment, run.preset, run.status, ...corpora, ...adapted]
    .join(" ")
    .toLowerCase();
}

function compareBy(key: RunSortKey, a: RunSummary, b: RunSummary): number {
  switch (key) {
    case "date":
      return Date.parse(a.createdAt) - Date.parse(b.createdAt);
    case "experiment":
      return a.experiment.localeCompare(b.experiment);
    case "preset":
      return a.preset.localeCompare(b.preset);
    case "uar":
    case "wa":
      return (meanTestMetric(a, key) ?? 0) - (meanTestMetric(b, key) ?? 0);
  }
}

// Runs without results sort below every run with results, whichever the direction.
function compareMissingLast(key: RunSortKey, a: RunSummary, b: RunSummary): number {
  if (key !== "uar" && key !== "wa") return 0;
  const aMissing = a.tests.length === 0;
  const bMissing = b.tests.length === 0;
  return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
}
