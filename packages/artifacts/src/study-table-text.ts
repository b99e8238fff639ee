// A study table as people read it, in the same words wherever it is shown: `trainer report` as
// aligned text or Markdown, the dashboard as HTML. A cell reads "0.612" for one run and
// "0.612 ± 0.041" over several; a column heading says over how many runs ("mono (n=6)").
import type { CellStatistics, StudyTable } from "./study-table.js";

/** "0.612" for one run, "0.612 ± 0.041" over several, "-" for none. */
export function formatStudyCell(cell: CellStatistics | null): string {
  if (cell === null) return "-";
  return cell.n > 1 ? `${cell.mean.toFixed(3)} ± ${cell.sd.toFixed(3)}` : cell.mean.toFixed(3);
}

/** Each column's heading, with its run count where it averages several. */
export function studyColumnHeadings(table: StudyTable): string[] {
  return table.columns.map((column, index) => {
    const runs = table.runs[index] ?? 0;
    return runs > 1 ? `${column} (n=${runs})` : column;
  });
}

/** "paper — test emodb (de)". */
export function studyTableTitle(table: StudyTable): string {
  return `${table.preset} — test ${table.testCorpus} (${table.testLanguage})`;
}

export function renderText(table: StudyTable): string {
  const headings = studyColumnHeadings(table);
  // Wide enough for "0.612 ± 0.041" cells and for the longest heading, with a gap before each.
  const width = Math.max(
    table.runs.some((runs) => runs > 1) ? 18 : 8,
    ...headings.map((column) => column.length + 2),
  );
  const lines = [
    studyTableTitle(table),
    `${"".padEnd(10)}${headings.map((c) => c.padStart(width)).join("")}`,
  ];
  for (const row of table.rows)
    lines.push(
      `${row.label.padEnd(10)}${row.values.map((v) => formatStudyCell(v).padStart(width)).join("")}`,
    );
  return lines.join("\n");
}

export function renderMarkdown(table: StudyTable): string {
  const lines = [
    `**${table.preset}** — test ${table.testCorpus} (${table.testLanguage})`,
    "",
    `| | ${studyColumnHeadings(table).join(" | ")} |`,
    `|---|${table.columns.map(() => "---:").join("|")}|`,
  ];
  for (const row of table.rows)
    lines.push(`| ${row.label} | ${row.values.map(formatStudyCell).join(" | ")} |`);
  return lines.join("\n");
}
