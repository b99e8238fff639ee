import { describe, expect, it } from "vitest";
import { testSetResult } from "../../test/fixtures/run-records.js";
import { comparisonRows } from "./run-comparison.js";

const flat = (value: number) => ({ joy: value, anger: value, sadness: value, pleasure: value });

describe("comparisonRows", () => {
  const rows = comparisonRows([
    { tests: [testSetResult("en", flat(0.4)), testSetResult("fr", flat(0.6))], adaptedTests: [] },
    { tests: [testSetResult("en", flat(0.5))], adaptedTests: [] },
  ]);

  it("has UAR, WA and macro-F1 rows for every test set of any run", () => {
    expect(rows.map((row) => row.label)).toEqual([
      "UAR on en-corpus (en)",
      "WA on en-corpus (en)",
      "Macro-F1 on en-corpus (en)",
      "UAR on fr-corpus (fr)",
      "WA on fr-corpus (fr)",
      "Macro-F1 on fr-corpus (fr)",
    ]);
  });

  it("marks every run that ties for best", () => {
    const tied = comparisonRows([
      { tests: [testSetResult("en", flat(0.5))], adaptedTests: [] },
      { tests: [testSetResult("en", flat(0.5))], adaptedTests: [] },
    ]);
    expect(tied[0]?.best).toEqual([0, 1]);
  });

  it("gives results after AdaBN rows of their own, never mixed with the model as trained", () => {
    const mixed = comparisonRows([
      { tests: [testSetResult("en", flat(0.4))], adaptedTests: [] },
      { tests: [], adaptedTests: [testSetResult("en", flat(0.7))] },
    ]);
    expect(mixed.map((row) => row.label).filter((label) => label.startsWith("UAR"))).toEqual([
      "UAR on en-corpus (en)",
      "UAR on en-corpus (en) after AdaBN",
    ]);
    expect(mixed[0]?.values).toEqual([0.4, undefined]);
    expect(mixed[3]?.values).toEqual([undefined, 0.7]);
  });

  it("leaves a run without the test set empty and marks the best run only among two or more", () => {
    expect(rows[0]?.values).toEqual([0.4, 0.5]);
    expect(rows[0]?.best).toEqual([1]);
    expect(rows[3]?.values).toEqual([0.6, undefined]);
    expect(rows[3]?.best).toEqual([]);
  });
});
