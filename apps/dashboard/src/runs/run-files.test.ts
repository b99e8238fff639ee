import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunConfig, type RunFiles, readRunsDirectory } from "@emotion-stream/artifacts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleModelCard } from "../../test/fixtures/model-card.js";
import { writeRunsDirectory } from "../../test/fixtures/write-runs-directory.js";
import { runRecordFromFiles } from "./run-files.js";
import type { RunRecord } from "./run-record.js";

const finished = { status: "finished" as const, updatedAt: "2026-11-25T13:45:16.230Z" };

const emodbMetrics = {
  testSet: "emodb",
  level: "utterance" as const,
  items: 49,
  uar: 0.5,
  wa: 0.367,
  macroF1: 0.268,
  perClassRecall: { joy: 1, anger: 0, sadness: null, pleasure: 1 },
  confusion: [
    [7, 0, 0, 0],
    [19, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 11],
  ],
};

/**
 * What the dashboard makes of run `id` (in `/runs/<id>`), finished unless `files` says otherwise;
 * its config states the experiment and languages, the rest a test names where it matters.
 */
function recordOf(
  id: string,
  config: Pick<RunConfig, "experiment" | "languages"> & Partial<RunConfig>,
  files: Partial<Omit<RunFiles, "id" | "path" | "config">> = {},
): RunRecord {
  return runRecordFromFiles({
    id,
    path: `/runs/${id}`,
    status: finished,
    config: { command: "experiment", preset: "paper", corpora: [], ...config },
    ...files,
  });
}

describe("runRecordFromFiles", () => {
  it("takes corpora and languages from the card and tests' languages from their corpus", () => {
    const run = recordOf(
      "20261125-134436Z-cnn1d-bn-statpool",
      {
        command: "train",
        experiment: { kind: "train", trainCorpora: ["emodb"], testCorpora: ["emodb"] },
        languages: { emodb: "de" },
        preset: "cnn1d-bn-statpool",
        seed: 1,
        corpora: [{ adapter: "emodb", path: "/c/emodb" }],
      },
      {
        metrics: [emodbMetrics],
        modelCard: sampleModelCard(
          "x",
          [{ name: "emodb", language: "de" }],
          "2026-11-25T13:45:16.200Z",
        ),
      },
    );
    expect(run.train).toEqual([{ corpus: "emodb", language: "de" }]);
    expect(run.tests[0]).toMatchObject({ corpus: "emodb", language: "de", items: 49, uar: 0.5 });
    expect(run.tests[0]?.recall.sadness).toBeNaN();
    expect(run.createdAt).toBe("2026-11-25T13:45:16.200Z");
    expect(run.experiment).toBe("train");
    expect(run.preset).toBe("cnn1d-bn-statpool");
  });

  it("keeps scores after AdaBN apart from the model as trained", () => {
    const run = recordOf(
      "20261204-033247Z-cross-ravdess-prosody-formants-linear",
      {
        experiment: { kind: "cross", trainCorpora: ["ravdess"], testCorpora: ["emodb"] },
        languages: { ravdess: "en", emodb: "de" },
      },
      {
        metrics: [emodbMetrics, { ...emodbMetrics, uar: 0.6, adaptation: "batchnorm" as const }],
        modelCard: sampleModelCard("x", [{ name: "ravdess", language: "en" }]),
      },
    );
    expect(run.tests.map((test) => test.uar)).toEqual([0.5]);
    expect(run.adaptedTests.map((test) => test.uar)).toEqual([0.6]);
    expect(run.adaptedTests[0]?.corpus).toBe("emodb");
  });

  it("falls back to the config's corpora and languages and the id's time stamp before a card exists", () => {
    const run = recordOf(
      "20261125-134436Z-paper",
      {
        command: "train",
        experiment: { kind: "train", trainCorpora: ["cafe", "x"], testCorpora: ["cafe", "x"] },
        languages: { cafe: "fr" },
        preset: "paper",
        corpora: [
          { adapter: "cafe", path: "/c/cafe", language: "fr" },
          { adapter: "x", path: "/x" },
        ],
      },
      { status: { status: "running", updatedAt: "2026-11-25T13:50:00Z" } },
    );
    expect(run.train).toEqual([
      { corpus: "cafe", language: "fr" },
      { corpus: "x", language: "unknown" },
    ]);
    expect(run.createdAt).toBe("2026-11-25T13:44:36Z");
    expect(run.preset).toBe("paper");
    expect(run.tests).toEqual([]);
    expect(run.history).toEqual([]);
  });

  it("finds a test corpus's language beside its metrics or in the config's languages", () => {
    const run = recordOf(
      "r",
      {
        command: "evaluate",
        experiment: { kind: "evaluate", trainCorpora: ["ravdess"], testCorpora: ["cafe"] },
        languages: { ravdess: "en", cafe: "fr" },
        corpora: [{ adapter: "cafe", path: "/c/cafe", language: "fr" }],
      },
      {
        metrics: [
          emodbMetrics,
          { ...emodbMetrics, testSet: "cafe" },
          { ...emodbMetrics, testSet: "x", language: "it" },
        ],
      },
    );
    expect(run.tests.map((test) => test.language)).toEqual(["unknown", "fr", "it"]);
  });

  it("names the run by its experiment's kind", () => {
    const run = recordOf("r", {
      experiment: { kind: "cross", trainCorpora: ["cafe"], testCorpora: ["ravdess"] },
      languages: { cafe: "fr", ravdess: "en" },
    });
    expect(run.experiment).toBe("cross");
    expect(run.createdAt).toBe(finished.updatedAt);
  });
});

describe("runs read from a runs directory the trainer wrote", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dashboard-runs-"));
    await writeRunsDirectory(dir);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function readRecords() {
    const result = await readRunsDirectory(dir);
    if (result.state !== "read") throw new Error("expected a read directory");
    expect(result.unreadable).toEqual([]);
    return result.runs.map(runRecordFromFiles);
  }

  it("reads every run with its metrics, history and summaries", async () => {
    const runs = await readRecords();
    expect(runs).toHaveLength(4);
    const multi = runs.find((run) => run.id.endsWith("-multi"));
    expect(multi?.tests.map((test) => test.language)).toEqual(["en", "fr"]);
    expect(multi?.tests[0]?.recall.joy).toBeCloseTo(12 / 20, 12);
    expect(multi?.tests[0]?.confusion[1]).toEqual([2, 14, 2, 2]);
    expect(multi?.history).toHaveLength(5);
    expect(multi?.dataSummary).toBeDefined();
    expect(multi?.train).toEqual([
      { corpus: "ravdess", language: "en" },
      { corpus: "cafe", language: "fr" },
    ]);
    expect(multi?.experiment).toBe("multi");
  });

  it("lists a run without metrics (interrupted) with no test results", async () => {
    const interrupted = (await readRecords()).find((run) => run.status === "interrupted");
    expect(interrupted?.tests).toEqual([]);
    expect(interrupted?.statusMessage).toBe("received SIGINT");
    expect(interrupted?.createdAt).toBe("2026-11-25T11:30:00Z");
  });

  it("gives a finished run its rows of the study table as the report reads them, an unfinished none", async () => {
    const runs = await readRecords();
    const multi = runs.find((run) => run.id.endsWith("-multi"));
    expect(multi?.reportRows.map((row) => [row.run, row.experiment, row.testCorpus])).toEqual([
      ["20261125-103000Z-paper-multi", "multi", "ravdess"],
      ["20261125-103000Z-paper-multi", "multi", "cafe"],
    ]);
    expect(multi?.reportRows[0]?.trainLanguages).toEqual(["en", "fr"]);
    expect(runs.find((run) => run.status === "interrupted")?.reportRows).toEqual([]);
  });
});
