import type { ReportRow } from "@emotion-stream/artifacts";
import { describe, expect, it } from "vitest";
import { studyTableViews } from "./study-view.js";

function row(overrides: Partial<ReportRow> & Pick<ReportRow, "run">): ReportRow {
  return {
    experiment: "mono",
    preset: "paper",
    seed: 1,
    fold: null,
    trainCorpora: ["ravdess"],
    trainLanguages: ["en"],
    testCorpus: "ravdess",
    testLanguage: "en",
    uar: 0.5,
    wa: 0.5,
    macroF1: 0.5,
    perClassRecall: { joy: 0.5, anger: 0.5, sadness: 0.5, pleasure: 0.5 },
    confusion: [],
    adaptation: null,
    ...overrides,
  };
}

describe("studyTableViews", () => {
  it("shows a study's runs as `trainer report` does: mean ± sd per cell, n in the heading", () => {
    const [table, ...rest] = studyTableViews([
      row({ run: "mono-s1", uar: 0.6, perClassRecall: { joy: 0.8, anger: null } }),
      row({ run: "mono-s2", seed: 2, uar: 0.4, perClassRecall: { joy: 0.6, anger: null } }),
      row({ run: "cross", experiment: "cross", trainLanguages: ["fr"], uar: 0.3 }),
    ]);
    expect(rest).toEqual([]);
    expect(table?.title).toBe("paper — test ravdess (en)");
    expect(table?.headings).toEqual(["mono (n=2)", "cross"]);
    expect(table?.rows.map((r) => r.label)).toEqual([
      "Joy",
      "Anger",
      "Sadness",
      "Pleasure",
      "UAR",
      "WA",
    ]);
    expect(table?.rows[0]?.cells).toEqual(["0.700 ± 0.141", "0.500"]);
    expect(table?.rows[1]?.cells).toEqual(["-", "0.500"]);
    expect(table?.rows[4]?.cells).toEqual(["0.500 ± 0.141", "0.300"]);
  });

  it("puts a run in its experiment kind's column, whatever its languages, and a table per preset and test corpus", () => {
    const tables = studyTableViews([
      row({ run: "train-en", experiment: "train" }),
      row({ run: "evaluated", experiment: "evaluate", seed: null }),
      row({ run: "adapted", experiment: "evaluate", seed: null, adaptation: "batchnorm" }),
      row({ run: "other-corpus", testCorpus: "crema", testLanguage: "en" }),
      row({ run: "other-preset", preset: "cnn1d-bn-statpool" }),
    ]);
    expect(tables.map((table) => [table.title, table.headings])).toEqual([
      ["paper — test ravdess (en)", ["train", "evaluate", "evaluate+AdaBN"]],
      ["paper — test crema (en)", ["mono"]],
      ["cnn1d-bn-statpool — test ravdess (en)", ["mono"]],
    ]);
  });

  it("has no tables without finished results", () => {
    expect(studyTableViews([])).toEqual([]);
  });
});
