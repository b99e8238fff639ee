// The study's table layout for a set of runs: per test language, class rows and UAR/WA rows
// against mono/multi/cross columns (and cross after AdaBN where a run has it); a cell averaged over
// several runs says so.
import { formatShare } from "../../runs/format-metric.js";
import type { RunSummary } from "../../runs/run-record.js";
import { STUDY_COLUMN_LABELS } from "../../runs/study-column.js";
import { buildStudyTables } from "../../runs/study-table.js";

export function StudyTables({ runs }: { runs: readonly RunSummary[] }) {
  const tables = buildStudyTables(runs);
  if (tables.length === 0) {
    return (
      <p className="muted">No test results yet: the table fills in when the run has been tested.</p>
    );
  }
  return (
    <div className="grid grid-two">
      {tables.map((table) => (
        <div key={table.language} className="panel table-scroll">
          <table aria-label={`Results on ${table.language} test data`}>
            <caption>
              <strong>Test language: {table.language}</strong> — recall per class, UAR and WA
            </caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className="number">
                    {STUDY_COLUMN_LABELS[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {table.columns.map((column) => {
                    const cell = row.cells[column];
                    return (
                      <td key={column} className="number">
                        {formatShare(cell?.mean)}
                        {cell !== undefined && cell.count > 1 ? (
                          <span className="muted" title={`mean of ${cell.count} results`}>
                            {" "}
                            (n={cell.count})
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
