import { describe, expect, it } from "vitest";
import type { ReportRow } from "./report-rows.js";
import { studyTables } from "./study-table.js";
import { renderMarkdown, renderText } from "./study-table-text.js";

function row(
  experiment: ReportRow["experiment"],
  uar: number,
  joy: number | null,
  seed = 1,
  adaptation: ReportRow["adaptation"] = null,
): ReportRow {
  return {
    run: `runs/${experiment}-${seed}`,
    experiment,
    preset: "paper",
    seed,
    fold: null,
    trainCorpora: ["ravdess"],
    trainLanguages: ["en"],
    testCorpus: "ravdess",
    testLanguage: "en",
    uar,
    wa: uar,
    macroF1: uar,
    perClassRecall: { joy, anger: 0.5, sadness: 0.5, pleasure: 0.5 },
    confusion: [],
    adaptation,
  };
}

describe("studyTables", () => {
  it("puts classes, UAR and WA in rows and experiment kinds in the study's column order, averaging seeds", () => {
    const [table, ...rest] = studyTables([
      row("cross", 0.3, 0.1),
      row("mono", 0.6, 0.8),
      row("mono", 0.4, 0.6, 2),
    ]);
    expect(rest).toEqual([]);
    expect(table?.columns).toEqual(["mono", "cross"]);
    expect(table?.rows.map((r) => r.label)).toEqual([
      "joy",
      "anger",
      "sadness",
      "pleasure",
      "UAR",
      "WA",
    ]);
    expect(table?.rows[0]?.values[0]?.mean).toBeCloseTo(0.7, 10);
    expect(table?.rows[4]?.values.map((cell) => cell?.mean)).toEqual([0.5, 0.3]);
    expect(table?.runs).toEqual([2, 1]);
  });

  it("gives the sample standard deviation and count per cell, shown as mean ± sd with n", () => {
    const [table] = studyTables([row("mono", 0.6, 0.8), row("mono", 0.4, 0.6, 2)]);
    const uar = table?.rows[4]?.values[0];
    expect(uar?.n).toBe(2);
    expect(uar?.sd).toBeCloseTo(Math.sqrt(0.02), 10);
    const markdown = renderMarkdown(table as NonNullable<typeof table>).split("\n");
    expect(markdown).toContain("| | mono (n=2) |");
    expect(markdown).toContain("| UAR | 0.500 ± 0.141 |");
  });

  it("puts scores after AdaBN in a column of their own next to the plain cross-language ones", () => {
    const [table] = studyTables([
      row("cross", 0.45, 0.2, 1, "batchnorm"),
      row("cross", 0.4, 0.1),
      row("mono", 0.6, 0.8),
    ]);
    expect(table?.columns).toEqual(["mono", "cross", "cross+AdaBN"]);
    expect(table?.rows[4]?.values.map((cell) => cell?.mean)).toEqual([0.6, 0.4, 0.45]);
    expect(table?.runs).toEqual([1, 1, 1]);
  });

  it("keeps a gap between long column headings in the text table", () => {
    const [table] = studyTables([
      row("evaluate", 0.5, 0.5),
      row("evaluate", 0.6, 0.6, 1, "batchnorm"),
    ]);
    const [, header] = renderText(table as NonNullable<typeof table>).split("\n");
    expect(header?.trim().split(/\s+/)).toEqual(["evaluate", "evaluate+AdaBN"]);
  });

  it("shows an absent class as '-' in Markdown", () => {
    const [table] = studyTables([row("mono", 0.5, null)]);
    expect(renderMarkdown(table as NonNullable<typeof table>).split("\n")).toContain("| joy | - |");
  });
});
