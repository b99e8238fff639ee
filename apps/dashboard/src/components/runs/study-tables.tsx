// The study's table layout for a set of runs, as `trainer report` prints it: per preset and test
// corpus, class recall rows and UAR/WA rows against a column per experiment kind (and after AdaBN
// where a run has it); a cell over several runs (seeds, folds) reads mean ± sd, its heading n.
import type { ReportRow } from "@emotion-stream/artifacts";
import { studyTableViews } from "../../runs/study-view.js";
import { FigureTable, numericColumns } from "../figure-table.js";

export function StudyTables({ rows }: { rows: readonly ReportRow[] }) {
  const tables = studyTableViews(rows);
  if (tables.length === 0) {
    return (
      <p className="muted">
        No results yet: the table fills in once a run has finished and been tested.
      </p>
    );
  }
  return (
    <div className="grid grid-two">
      {tables.map((table) => (
        <div key={table.title} className="panel table-scroll">
          <FigureTable
            label={table.title}
            caption={
              <>
                <strong>{table.title}</strong> — recall per class, UAR and WA
              </>
            }
            mutedCaption={false}
            columns={[{ heading: "Class" }, ...numericColumns(...table.headings)]}
            rows={table.rows.map((row) => ({
              key: row.label,
              heading: row.label,
              cells: row.cells,
            }))}
          />
        </div>
      ))}
    </div>
  );
}
