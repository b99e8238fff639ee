import { describe, expect, it } from "vitest";
import { confusionHeatmap } from "./confusion-heatmap.js";

describe("confusionHeatmap", () => {
  const heatmap = confusionHeatmap([
    [8, 2, 0, 0],
    [0, 0, 0, 0],
    [1, 1, 1, 1],
    [0, 0, 0, 5],
  ]);

  it("labels rows and columns with the classes in canonical order", () => {
    expect(heatmap.columns).toEqual(["Joy", "Anger", "Sadness", "Pleasure"]);
    expect(heatmap.rows.map((row) => row.label)).toEqual(heatmap.columns);
  });

  it("shades each cell by its share of the true-class row and marks the diagonal", () => {
    const joy = heatmap.rows[0];
    expect(joy?.total).toBe(10);
    expect(joy?.cells.map((cell) => cell.share)).toEqual([0.8, 0.2, 0, 0]);
    expect(joy?.cells.map((cell) => cell.correct)).toEqual([true, false, false, false]);
    expect(heatmap.rows[3]?.cells[3]?.background).toBe("hsl(220 70% 30%)");
    expect(heatmap.rows[3]?.cells[3]?.color).toBe("#ffffff");
    expect(joy?.cells[2]?.color).toBe("#1b1b1f");
  });

  it("has no share for a class absent from the test set", () => {
    expect(heatmap.rows[1]?.cells.every((cell) => Number.isNaN(cell.share))).toBe(true);
  });
});
