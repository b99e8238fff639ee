// Runs side by side: a column per run with what it was trained on and its figures per test set,
// the study's tables over all of them as `trainer report` prints them (mono, multi and cross runs
// of a preset fill one table per test corpus), and their training curves on shared axes.
import Link from "next/link";
import { formatRunDate, formatShare } from "../../runs/format-metric.js";
import { comparisonRows } from "../../runs/run-comparison.js";
import { describeCorpora } from "../../runs/run-list.js";
import type { RunRecord } from "../../runs/run-record.js";
import { StudyTables } from "./study-tables.js";
import { TrainingCurves } from "./training-curves.js";

export function RunComparison({ runs }: { runs: readonly RunRecord[] }) {
  const rows = comparisonRows(runs);
  return (
    <>
      <div className="panel table-scroll">
        <table aria-label="Runs side by side">
          <thead>
            <tr>
              <th scope="col">Run</th>
              {runs.map((run) => (
                <th key={run.id} scope="col">
                  <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SideBySideRow label="Experiment" values={runs.map((run) => run.experiment)} />
            <SideBySideRow label="Preset" values={runs.map((run) => run.preset)} />
            <SideBySideRow
              label="Trained on"
              values={runs.map((run) => describeCorpora(run.train))}
            />
            <SideBySideRow label="Date" values={runs.map((run) => formatRunDate(run.createdAt))} />
            {rows.map((row) => (
              <SideBySideRow
                key={row.key}
                label={row.label}
                values={row.values.map(formatShare)}
                best={row.best}
                numeric
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Results in the study's layout</h2>
      <StudyTables rows={runs.flatMap((run) => run.reportRows)} />
      <h2>Training curves</h2>
      <TrainingCurves runs={runs.map((run) => ({ id: run.id, history: run.history }))} />
    </>
  );
}

function SideBySideRow({
  label,
  values,
  best,
  numeric = false,
}: {
  label: string;
  values: readonly string[];
  best?: readonly number[];
  numeric?: boolean;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((value, index) => (
        <td key={index} className={numeric ? "number" : undefined}>
          {best?.includes(index) ? <strong title="best of these runs">{value} ★</strong> : value}
        </td>
      ))}
    </tr>
  );
}
