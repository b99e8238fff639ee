import { describe, expect, it } from "vitest";
import type { StudyTable } from "./study-table.js";
import {
  formatStudyCell,
  renderMarkdown,
  renderText,
  studyColumnHeadings,
  studyTableTitle,
} from "./study-table-text.js";

const table: StudyTable = {
  preset: "paper",
  testCorpus: "emodb",
  testLanguage: "de",
  columns: ["mono", "cross"],
  runs: [6, 1],
  rows: [
    {
      label: "UAR",
      values: [
        { mean: 0.6123, sd: 0.0411, n: 6 },
        { mean: 0.3, sd: 0, n: 1 },
      ],
    },
    { label: "joy", values: [null, { mean: 0.25, sd: 0, n: 1 }] },
  ],
};

describe("a study table in words", () => {
  it("reads a cell as the mean for one run, mean ± sd over several, '-' for none", () => {
    expect(formatStudyCell({ mean: 0.6123, sd: 0.0411, n: 6 })).toBe("0.612 ± 0.041");
    expect(formatStudyCell({ mean: 0.3, sd: 0, n: 1 })).toBe("0.300");
    expect(formatStudyCell(null)).toBe("-");
  });

  it("names each column with its run count where it averages several, and the table by preset and test corpus", () => {
    expect(studyColumnHeadings(table)).toEqual(["mono (n=6)", "cross"]);
    expect(studyTableTitle(table)).toBe("paper — test emodb (de)");
  });

  it("prints the same words as text and Markdown", () => {
    expect(renderMarkdown(table).split("\n")).toEqual([
      "**paper** — test emodb (de)",
      "",
      "| | mono (n=6) | cross |",
      "|---|---:|---:|",
      "| UAR | 0.612 ± 0.041 | 0.300 |",
      "| joy | - | 0.250 |",
    ]);
    const [title, header, uar] = renderText(table).split("\n");
    expect(title).toBe("paper — test emodb (de)");
    expect(header?.trim().split(/\s{2,}/)).toEqual(["mono (n=6)", "cross"]);
    expect(uar?.trim().split(/\s{2,}/)).toEqual(["UAR", "0.612 ± 0.041", "0.300"]);
  });
});
