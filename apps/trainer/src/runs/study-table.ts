// The study's table layout (its Tables 3 and 4): for each preset and test corpus, one row per
// class (recall) plus UAR and WA, one column per experiment kind; a cell is the mean, standard
// deviation and count over every run of that kind (seeds, folds). Rendered as aligned text or
// Markdown ("0.612 ± 0.041"), or as JSON cells.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import type { ReportRow } from "./read-runs.js";

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

/** "0.612" for one run, "0.612 ± 0.041" over several, "-" for none. */
function format(cell: CellStatistics | null): string {
  if (cell === null) return "-";
  return cell.n > 1 ? `${cell.mean.toFixed(3)} ± ${cell.sd.toFixed(3)}` : cell.mean.toFixed(3);
}

const heading = (table: StudyTable) =>
  table.columns.map((column, index) => {
    const runs = table.runs[index] ?? 0;
    return runs > 1 ? `${column} (n=${runs})` : column;
  });

export function renderText(table: StudyTable): string {
  const title = `${table.preset} — test ${table.testCorpus} (${table.testLanguage})`;
  const headings = heading(table);
  // Wide enough for "0.612 ± 0.041" cells and for the longest heading, with a gap before each.
  const width = Math.max(
    table.runs.some((runs) => runs > 1) ? 18 : 8,
    ...headings.map((column) => column.length + 2),
  );
  const lines = [title, `${"".padEnd(10)}${headings.map((c) => c.padStart(width)).join("")}`];
  for (const row of table.rows)
    lines.push(
      `${row.label.padEnd(10)}${row.values.map((v) => format(v).padStart(width)).join("")}`,
    );
  return lines.join("\n");
}

export function renderMarkdown(table: StudyTable): string {
  const lines = [
    `**${table.preset}** — test ${table.testCorpus} (${table.testLanguage})`,
    "",
    `| | ${heading(table).join(" | ")} |`,
    `|---|${table.columns.map(() => "---:").join("|")}|`,
  ];
  for (const row of table.rows)
    lines.push(`| ${row.label} | ${row.values.map(format).join(" | ")} |`);
  return lines.join("\n");
}
