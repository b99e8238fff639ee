// A confusion matrix as a heatmap: each cell's share of its true-class row (so classes of different
// sizes compare), the count it came from, and a fill whose text colour keeps contrast.
import { QUADRANT_CLASSES, QUADRANTS } from "@emotion-stream/core";

export interface HeatmapCell {
  readonly count: number;
  /** Share of the row's items, 0..1; NaN for a class absent from the test set. */
  readonly share: number;
  readonly background: string;
  readonly color: string;
  readonly correct: boolean;
}

export interface HeatmapRow {
  readonly label: string;
  readonly total: number;
  readonly cells: readonly HeatmapCell[];
}

export interface Heatmap {
  readonly columns: readonly string[];
  readonly rows: readonly HeatmapRow[];
}

export function confusionHeatmap(counts: readonly (readonly number[])[]): Heatmap {
  const labels = QUADRANT_CLASSES.map((name) => QUADRANTS[name].label);
  return {
    columns: labels,
    rows: labels.map((label, t) => {
      const row = counts[t] ?? [];
      const total = row.reduce((sum, count) => sum + count, 0);
      return {
        label,
        total,
        cells: labels.map((_, p) => {
          const count = row[p] ?? 0;
          const share = total === 0 ? Number.NaN : count / total;
          return { count, share, correct: t === p, ...cellColours(share) };
        }),
      };
    }),
  };
}

// A single-hue blue ramp from white; text turns white once the fill is dark enough that black
// text would fall below 4.5:1 contrast.
function cellColours(share: number): { background: string; color: string } {
  if (Number.isNaN(share)) return { background: "#eeeeee", color: "#1b1b1f" };
  const lightness = Math.round(97 - share * 67);
  return {
    background: `hsl(220 70% ${lightness}%)`,
    color: lightness < 60 ? "#ffffff" : "#1b1b1f",
  };
}
