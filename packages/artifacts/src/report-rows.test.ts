import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testSetMetrics, trainingConfig, writeRun } from "../test/run-fixtures.js";
import { useTemporaryDirectory } from "../test/temporary-directory.js";
import { readReportRows, reportRows } from "./report-rows.js";

describe("reportRows", () => {
  it("gives one row per test set with the run's experiment, split and each corpus's language", () => {
    const config = trainingConfig({
      experiment: { kind: "cross", trainCorpora: ["cafe"], testCorpora: ["ravdess", "emodb"] },
      languages: { cafe: "fr", ravdess: "en" },
      seed: 3,
      split: { kind: "speaker-folds", seed: 3, folds: 5, fold: 2 },
    });
    const rows = reportRows("runs/x", config, [
      testSetMetrics("ravdess", 0.4),
      testSetMetrics("emodb", 0.5, { adaptation: "batchnorm" }),
    ]);
    expect(rows.map((row) => [row.testCorpus, row.testLanguage, row.adaptation])).toEqual([
      ["ravdess", "en", null],
      ["emodb", "und", "batchnorm"],
    ]);
    expect(rows[0]).toMatchObject({
      run: "runs/x",
      experiment: "cross",
      preset: "paper",
      seed: 3,
      fold: 2,
      trainCorpora: ["cafe"],
      trainLanguages: ["fr"],
      uar: 0.4,
      perClassRecall: { joy: 0.4, anger: 0.4, sadness: null, pleasure: 0.4 },
    });
  });

  it("has no seed or fold for a run without them", () => {
    const { seed, split, ...evaluation } = trainingConfig();
    const [row] = reportRows("e", evaluation, [testSetMetrics("ravdess", 0.5)]);
    expect([row?.seed, row?.fold]).toEqual([null, null]);
  });
});

describe("readReportRows", () => {
  const runs = useTemporaryDirectory("runs-");

  it("scores finished runs and names the others apart", async () => {
    const finished = await writeRun(runs(), "a", { metrics: [testSetMetrics("ravdess", 0.6)] });
    const running = await writeRun(runs(), "b", { status: "running" });
    const { rows, unfinished } = await readReportRows([finished, running]);
    expect(rows.map((row) => [row.run, row.uar])).toEqual([[finished, 0.6]]);
    expect(unfinished).toEqual([{ run: running, status: "running" }]);
  });

  it("refuses a finished run without its metrics with BAD_FILE naming the file", async () => {
    const finished = await writeRun(runs(), "a");
    await expect(readReportRows([finished])).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { file: join(finished, "metrics.json") },
    });
  });
});
