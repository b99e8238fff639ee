// The study's table layout (its Tables 3 and 4): for each preset and test corpus, one row per
// class (recall) plus UAR and WA, one column per experiment kind; a cell averages every run of
// that kind (seeds, folds). Rendered as aligned text or Markdown.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import type { ReportRow } from "./read-runs.js";

const COLUMNS = ["mono", "multi", "cross", "train", "evaluate"] as const;

export interface StudyTable {
  readonly preset: string;
  readonly testCorpus: string;
  readonly testLanguage: string;
  readonly columns: readonly string[];
  /** Row label, then one mean per column (null: no run, or the class is absent). */
  readonly rows: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0
    ? null
    : present.reduce((sum, value) => sum + value, 0) / present.length;
}

export function studyTables(rows: readonly ReportRow[]): StudyTable[] {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = `${row.preset}\u0000${row.testCorpus}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ReportRow;
    const columns = COLUMNS.filter((kind) => group.some((row) => row.experiment === kind));
    const cell = (pick: (row: ReportRow) => number | null) =>
      columns.map((kind) => mean(group.filter((row) => row.experiment === kind).map(pick)));
    return {
      preset: first.preset,
      testCorpus: first.testCorpus,
      testLanguage: first.testLanguage,
      columns,
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

const format = (value: number | null) => (value === null ? "-" : value.toFixed(3));

export function renderText(table: StudyTable): string {
  const title = `${table.preset} — test ${table.testCorpus} (${table.testLanguage})`;
  const lines = [title, `${"".padEnd(10)}${table.columns.map((c) => c.padStart(8)).join("")}`];
  for (const row of table.rows)
    lines.push(`${row.label.padEnd(10)}${row.values.map((v) => format(v).padStart(8)).join("")}`);
  return lines.join("\n");
}

export function renderMarkdown(table: StudyTable): string {
  const lines = [
    `**${table.preset}** — test ${table.testCorpus} (${table.testLanguage})`,
    "",
    `| | ${table.columns.join(" | ")} |`,
    `|---|${table.columns.map(() => "---:").join("|")}|`,
  ];
  for (const row of table.rows)
    lines.push(`| ${row.label} | ${row.values.map(format).join(" | ")} |`);
  return lines.join("\n");
}
