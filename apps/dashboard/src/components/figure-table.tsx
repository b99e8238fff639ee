// A captioned table whose rows each open with a row heading (a corpus, a partition, a class),
// numeric columns right-aligned: the layout of the model card's, the data summary's and the study's
// tables, kept in one place so they read alike.
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";
import type { ReactNode } from "react";

export interface FigureColumn {
  /** Unique in its table: it also keys the column's cells. */
  readonly heading: string;
  readonly numeric?: boolean;
}

/** Columns of figures, right-aligned, one per heading in the order given. */
export function numericColumns(...headings: readonly string[]): FigureColumn[] {
  return headings.map((heading) => ({ heading, numeric: true }));
}

/** A numeric column per class, in the classes' order, headed by the name the pages give it. */
export const CLASS_COLUMNS = numericColumns(
  ...QUADRANT_CLASSES.map((name) => QUADRANTS[name].label),
);

export interface FigureTableRow {
  readonly key: string;
  readonly heading: ReactNode;
  /** One per column after the first (the row headings' column). */
  readonly cells: readonly ReactNode[];
}

export function FigureTable({
  label,
  caption,
  mutedCaption = true,
  columns,
  rows,
}: {
  /** The table's accessible name. */
  label: string;
  caption: ReactNode;
  mutedCaption?: boolean;
  columns: readonly FigureColumn[];
  rows: readonly FigureTableRow[];
}) {
  const numeric = (column: FigureColumn | undefined) => (column?.numeric ? "number" : undefined);
  return (
    <table aria-label={label}>
      <caption className={mutedCaption ? "muted" : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.heading} scope="col" className={numeric(column)}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.heading}</th>
            {row.cells.map((cell, index) => {
              const column = columns[index + 1];
              return (
                <td key={column?.heading ?? index} className={numeric(column)}>
                  {cell}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
