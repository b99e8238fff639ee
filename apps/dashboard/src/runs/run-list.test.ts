import { describe, expect, it } from "vitest";
import { runRecord, testSetResult } from "../../test/fixtures/run-records.js";
import { DEFAULT_RUN_LIST_QUERY, describeCorpora, meanTestMetric, queryRuns } from "./run-list.js";

const flat = (value: number) => ({ joy: value, anger: value, sadness: value, pleasure: value });

const runs = [
  runRecord({
    id: "a",
    preset: "paper",
    createdAt: "2026-11-20T10:00:00Z",
    tests: [testSetResult("en", flat(0.4))],
  }),
  runRecord({
    id: "b",
    experiment: "cross",
    preset: "cnn-attention",
    createdAt: "2026-11-22T10:00:00Z",
    train: [{ corpus: "cafe", language: "fr" }],
    tests: [testSetResult("en", flat(0.6))],
  }),
  runRecord({
    id: "c",
    preset: "paper",
    createdAt: "2026-11-21T10:00:00Z",
    status: "interrupted",
    tests: [],
  }),
];

describe("queryRuns", () => {
  it("sorts by date, newest first when descending", () => {
    const ids = queryRuns(runs, { filter: "", sortKey: "date", direction: "descending" }).map(
      (run) => run.id,
    );
    expect(ids).toEqual(["b", "c", "a"]);
  });

  it("keeps runs without results last whichever the UAR direction", () => {
    const ascending = queryRuns(runs, { filter: "", sortKey: "uar", direction: "ascending" });
    const descending = queryRuns(runs, { filter: "", sortKey: "uar", direction: "descending" });
    expect(ascending.map((run) => run.id)).toEqual(["a", "b", "c"]);
    expect(descending.map((run) => run.id)).toEqual(["b", "a", "c"]);
  });

  it("keeps runs matching every word of the filter, over corpora, languages, preset and status", () => {
    const ids = (filter: string) =>
      queryRuns(runs, { filter, sortKey: "preset", direction: "ascending" }).map((run) => run.id);
    expect(ids("CAFE")).toEqual(["b"]);
    expect(ids("paper interrupted")).toEqual(["c"]);
    expect(ids("fr en")).toEqual(["b"]);
    expect(ids("nothing-like-this")).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const before = runs.map((run) => run.id);
    queryRuns(runs, { filter: "", sortKey: "uar", direction: "descending" });
    expect(runs.map((run) => run.id)).toEqual(before);
  });
});

describe("run summaries", () => {
  it("averages a metric over test sets and has none without tests", () => {
    const run = runRecord({
      id: "x",
      tests: [testSetResult("en", flat(0.2)), testSetResult("fr", flat(0.4))],
    });
    expect(meanTestMetric(run, "uar")).toBeCloseTo(0.3, 12);
    expect(meanTestMetric(runRecord({ id: "y", tests: [] }), "wa")).toBeUndefined();
  });

  it("averages the model as trained, and results after AdaBN only for a run that has nothing else", () => {
    const adaptedToo = runRecord({
      id: "a",
      tests: [testSetResult("en", flat(0.4))],
      adaptedTests: [testSetResult("en", flat(0.8))],
    });
    expect(meanTestMetric(adaptedToo, "uar")).toBeCloseTo(0.4, 12);
    const adaptedOnly = runRecord({
      id: "b",
      tests: [],
      adaptedTests: [testSetResult("en", flat(0.8))],
    });
    expect(meanTestMetric(adaptedOnly, "uar")).toBeCloseTo(0.8, 12);
    expect(
      queryRuns([adaptedToo, adaptedOnly], { ...DEFAULT_RUN_LIST_QUERY, filter: "adabn" }),
    ).toHaveLength(2);
  });

  it("names corpora with their languages", () => {
    expect(
      describeCorpora([
        { corpus: "cafe", language: "fr" },
        { corpus: "ravdess", language: "en" },
      ]),
    ).toBe("cafe (fr), ravdess (en)");
  });
});
