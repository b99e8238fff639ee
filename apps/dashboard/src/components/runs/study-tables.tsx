// The study's table layout for a set of runs, as `trainer report` prints it: per preset and test
// corpus, class recall rows and UAR/WA rows against a column per experiment kind (and after AdaBN
// where a run has it); a cell over several runs (seeds, folds) reads mean ± sd, its heading n.
import type { ReportRow } from "@emotion-stream/artifacts";
import { studyTableViews } from "../../runs/study-view.js";

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
          <table aria-label={table.title}>
            <caption>
              <strong>{table.title}</strong> — recall per class, UAR and WA
            </caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                {table.headings.map((heading) => (
                  <th key={heading} scope="col" className="number">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, index) => (
                    <td key={table.headings[index]} className="number">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
