// The original study's table layout: one table per test language, class recall rows plus UAR and
// WA rows, mono/multi/cross columns. Several runs in one cell (seeds, folds) are averaged.
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import { shownResults } from "./run-list.js";
import type { RunSummary, TestSetResult } from "./run-record.js";
import { STUDY_COLUMNS, type StudyColumn, studyColumnOf } from "./study-column.js";

export interface StudyCell {
  readonly mean: number;
  /** How many run/test-set results were averaged into this cell. */
  readonly count: number;
}

export interface StudyRow {
  readonly key: string;
  readonly label: string;
  readonly cells: Readonly<Record<StudyColumn, StudyCell | undefined>>;
}

export interface StudyTable {
  readonly language: string;
  /** The columns with at least one result: the AdaBN column only where a run was adapted. */
  readonly columns: readonly StudyColumn[];
  readonly rows: readonly StudyRow[];
}

type Metric = (result: TestSetResult) => number;

const ROW_METRICS: readonly { key: string; label: string; metric: Metric }[] = [
  ...QUADRANT_CLASSES.map((name) => ({
    key: name,
    label: QUADRANTS[name].label,
    metric: (result: TestSetResult) => result.recall[name],
  })),
  { key: "uar", label: "UAR", metric: (result) => result.uar },
  { key: "wa", label: "WA", metric: (result) => result.wa },
];

/** One table per test language found in `runs`, languages in alphabetical order. */
export function buildStudyTables(runs: readonly RunSummary[]): StudyTable[] {
  const byLanguage = new Map<string, Map<StudyColumn, TestSetResult[]>>();
  for (const run of runs) {
    const trainLanguages = run.train.map((entry) => entry.language);
    for (const { result, adapted } of shownResults(run)) {
      const column = studyColumnOf(trainLanguages, result.language, adapted);
      const columns = byLanguage.get(result.language) ?? new Map<StudyColumn, TestSetResult[]>();
      columns.set(column, [...(columns.get(column) ?? []), result]);
      byLanguage.set(result.language, columns);
    }
  }
  return [...byLanguage.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, columns]) => ({
      language,
      columns: STUDY_COLUMNS.filter((column) => column !== "adapted" || columns.has(column)),
      rows: buildRows(columns),
    }));
}

function buildRows(columns: ReadonlyMap<StudyColumn, readonly TestSetResult[]>): StudyRow[] {
  return ROW_METRICS.map(({ key, label, metric }) => ({
    key,
    label,
    cells: Object.fromEntries(
      STUDY_COLUMNS.map((column) => [column, meanCell(columns.get(column) ?? [], metric)]),
    ) as Record<StudyColumn, StudyCell | undefined>,
  }));
}

// A class absent from a test set has no recall (NaN): it is left out rather than counted as 0.
function meanCell(results: readonly TestSetResult[], metric: Metric): StudyCell | undefined {
  const values = results.map(metric).filter((value) => !Number.isNaN(value));
  if (values.length === 0) return undefined;
  const sum = values.reduce((total, value) => total + value, 0);
  return { mean: sum / values.length, count: values.length };
}
