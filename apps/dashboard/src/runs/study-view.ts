// The study's tables as the dashboard shows them: built by the artifacts package's one rule, the
// tables `trainer report` prints (per preset and test corpus, a column per experiment kind), each
// cell in the report's words ("0.612 ± 0.041" over several runs, the run count in the heading);
// only the class rows read as the dashboard names classes elsewhere ("Joy").
import {
  formatStudyCell,
  type ReportRow,
  studyColumnHeadings,
  studyTables,
  studyTableTitle,
} from "@emotion-stream/artifacts";
import { QUADRANT_CLASSES, QUADRANTS, type QuadrantClass } from "@emotion-stream/core";

export interface StudyTableView {
  /** "paper — test emodb (de)", unique per table. */
  readonly title: string;
  readonly headings: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[] }[];
}

export function studyTableViews(rows: readonly ReportRow[]): StudyTableView[] {
  return studyTables(rows).map((table) => ({
    title: studyTableTitle(table),
    headings: studyColumnHeadings(table),
    rows: table.rows.map((row) => ({
      label: isQuadrantClass(row.label) ? QUADRANTS[row.label].label : row.label,
      cells: row.values.map(formatStudyCell),
    })),
  }));
}

function isQuadrantClass(label: string): label is QuadrantClass {
  return (QUADRANT_CLASSES as readonly string[]).includes(label);
}
