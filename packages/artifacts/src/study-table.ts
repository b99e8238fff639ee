// The study's table layout (its Tables 3 and 4), one rule for `trainer report` and the dashboard:
// for each preset and test corpus, one row per class (recall) plus UAR and WA, one column per
// experiment kind; a cell is the mean, standard deviation and count over every run of that kind
// (seeds, folds). Rendered as text or Markdown by study-table-text.ts, as JSON cells by `report`.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import type { ReportRow } from "./report-rows.js";

// A column per experiment kind; scores after AdaBN get their own column beside the plain ones.
const COLUMNS = ["mono", "multi", "cross", "cross+AdaBN", "train", "evaluate", "evaluate+AdaBN"];

function columnOf(row: ReportRow): string {
  return row.adaptation === "batchnorm" ? `${row.experiment}+AdaBN` : row.experiment;
}

/** Over the runs of one cell; `sd` is the sample standard deviation (0 for a single run). */
export interface CellStatistics {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

export interface StudyTable {
  readonly preset: string;
  readonly testCorpus: string;
  readonly testLanguage: string;
  readonly columns: readonly string[];
  /** Runs per column (seeds x folds). */
  readonly runs: readonly number[];
  /** Row label, then one cell per column (null: no run, or the class is absent). */
  readonly rows: readonly {
    readonly label: string;
    readonly values: readonly (CellStatistics | null)[];
  }[];
}

export function cellStatistics(values: readonly (number | null)[]): CellStatistics | null {
  const present = values.filter((value): value is number => value !== null);
  const n = present.length;
  if (n === 0) return null;
  const mean = present.reduce((sum, value) => sum + value, 0) / n;
  const squares = present.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n };
}

/** One table per preset and test corpus, in the order the rows first name them. */
export function studyTables(rows: readonly ReportRow[]): StudyTable[] {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = `${row.preset}\u0000${row.testCorpus}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ReportRow;
    const columns = COLUMNS.filter((column) => group.some((row) => columnOf(row) === column));
    const cell = (pick: (row: ReportRow) => number | null) =>
      columns.map((column) =>
        cellStatistics(group.filter((row) => columnOf(row) === column).map(pick)),
      );
    return {
      preset: first.preset,
      testCorpus: first.testCorpus,
      testLanguage: first.testLanguage,
      columns,
      runs: columns.map((column) => group.filter((row) => columnOf(row) === column).length),
      rows: [
        ...QUADRANT_CLASSES.map((name) => ({
          label: name,
          values: cell((row) => row.perClassRecall[name] ?? null),
        })),
        { label: "UAR", values: cell((row) => row.uar) },
        { label: "WA", values: cell((row) => row.wa) },
      ],
    };
  });
}
