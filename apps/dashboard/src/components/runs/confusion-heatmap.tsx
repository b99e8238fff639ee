import { confusionHeatmap } from "../../runs/confusion-heatmap.js";
import { formatPercent } from "../../runs/format-metric.js";

/** Rows are the true class, columns the predicted one; each cell shows its row share and count. */
export function ConfusionHeatmap({
  counts,
  caption,
}: {
  counts: readonly (readonly number[])[];
  caption: string;
}) {
  const heatmap = confusionHeatmap(counts);
  return (
    <div className="table-scroll">
      <table className="heatmap" aria-label={caption}>
        <caption>{caption} (rows: true class, columns: predicted)</caption>
        <thead>
          <tr>
            <th scope="col">True \ predicted</th>
            {heatmap.columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {heatmap.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td
                  key={heatmap.columns[index]}
                  style={{
                    background: cell.background,
                    color: cell.color,
                    fontWeight: cell.correct ? 700 : 400,
                  }}
                >
                  {formatPercent(cell.share)}
                  <br />
                  <small>{cell.count}</small>
                </td>
              ))}
              <td className="number">{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
