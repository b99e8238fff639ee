import { describe, expect, it } from "vitest";
import { runRecord, testSetResult } from "../../test/fixtures/run-records.js";
import type { RunRecord } from "./run-record.js";
import { studyColumnOf } from "./study-column.js";
import { buildStudyTables } from "./study-table.js";

describe("studyColumnOf", () => {
  it("tells mono, multi and cross apart by the training languages", () => {
    expect(studyColumnOf(["en"], "en")).toBe("mono");
    expect(studyColumnOf(["en", "fr"], "en")).toBe("multi");
    expect(studyColumnOf(["en", "en"], "en")).toBe("mono");
    expect(studyColumnOf(["fr"], "en")).toBe("cross");
    expect(studyColumnOf(["fr"], "en", true)).toBe("adapted");
    expect(studyColumnOf(["en"], "en", true)).toBe("adapted");
  });
});

describe("buildStudyTables", () => {
  const mono = runRecord({ id: "mono-en" });
  const multi = runRecord({
    id: "multi",
    train: [
      { corpus: "en-corpus", language: "en" },
      { corpus: "fr-corpus", language: "fr" },
    ],
    tests: [
      testSetResult("en", { joy: 0.4, anger: 0.4, sadness: 0.4, pleasure: 0.4 }, { wa: 0.7 }),
      testSetResult("fr", { joy: 0.2, anger: 0.2, sadness: 0.2, pleasure: 0.2 }),
    ],
  });
  const crossSeeds = [0.1, 0.3].map((value, seed) =>
    runRecord({
      id: `cross-${seed}`,
      train: [{ corpus: "fr-corpus", language: "fr" }],
      tests: [testSetResult("en", { joy: value, anger: value, sadness: value, pleasure: value })],
    }),
  );

  it("makes one table per test language with class, UAR and WA rows", () => {
    const tables = buildStudyTables([multi, mono]);
    expect(tables.map((table) => table.language)).toEqual(["en", "fr"]);
    expect(tables[0]?.rows.map((row) => row.key)).toEqual([
      "joy",
      "anger",
      "sadness",
      "pleasure",
      "uar",
      "wa",
    ]);
  });

  it("puts each result in its study column and leaves missing settings empty", () => {
    const [english] = buildStudyTables([mono, multi]);
    const sadness = english?.rows.find((row) => row.key === "sadness");
    expect(sadness?.cells.mono).toEqual({ mean: 0.7, count: 1 });
    expect(sadness?.cells.multi).toEqual({ mean: 0.4, count: 1 });
    expect(sadness?.cells.cross).toBeUndefined();
    expect(english?.rows.find((row) => row.key === "wa")?.cells.multi?.mean).toBe(0.7);
  });

  it("averages several runs of one setting and counts them", () => {
    const [english] = buildStudyTables(crossSeeds);
    const uar = english?.rows.find((row) => row.key === "uar");
    expect(uar?.cells.cross?.mean).toBeCloseTo(0.2, 12);
    expect(uar?.cells.cross?.count).toBe(2);
  });

  it("puts scores after AdaBN in a column of their own, present only where a run has them", () => {
    const adapted = runRecord({
      ...crossSeeds[0],
      id: "cross-adapted",
      adaptedTests: [testSetResult("en", { joy: 0.5, anger: 0.5, sadness: 0.3, pleasure: 0.5 })],
    });
    const [english] = buildStudyTables([adapted, crossSeeds[1] as RunRecord]);
    expect(english?.columns).toEqual(["mono", "multi", "cross", "adapted"]);
    const sadness = english?.rows.find((row) => row.key === "sadness");
    expect(sadness?.cells.cross).toEqual({ mean: 0.2, count: 2 });
    expect(sadness?.cells.adapted).toEqual({ mean: 0.3, count: 1 });
    expect(buildStudyTables(crossSeeds)[0]?.columns).toEqual(["mono", "multi", "cross"]);
  });

  it("leaves a class absent from a test set out of its mean", () => {
    const absent = runRecord({
      id: "absent",
      tests: [testSetResult("en", { joy: Number.NaN, anger: 0.2, sadness: 0.2, pleasure: 0.2 })],
    });
    const [english] = buildStudyTables([mono, absent]);
    expect(english?.rows[0]?.cells.mono).toEqual({ mean: 0.5, count: 1 });
  });

  it("returns no tables for no runs", () => {
    expect(buildStudyTables([])).toEqual([]);
  });
});
