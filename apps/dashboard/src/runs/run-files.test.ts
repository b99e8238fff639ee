import { describe, expect, it } from "vitest";
import { sampleModelCard } from "../../test/fixtures/model-card.js";
import { createdAtOfId, runRecordFromFiles } from "./run-files.js";

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

describe("runRecordFromFiles", () => {
  it("takes corpora and languages from the card and tests' languages from their corpus", () => {
    const run = runRecordFromFiles({
      id: "20261125-134436Z-cnn1d-bn-statpool",
      status: finished,
      config: {
        command: "train",
        experiment: { kind: "train", trainCorpora: ["emodb"], testCorpora: ["emodb"] },
        languages: { emodb: "de" },
        preset: "cnn1d-bn-statpool",
        seed: 1,
        corpora: [{ adapter: "emodb", path: "/c/emodb" }],
      },
      metrics: [emodbMetrics],
      modelCard: sampleModelCard(
        "x",
        [{ name: "emodb", language: "de" }],
        "2026-11-25T13:45:16.200Z",
      ),
    });
    expect(run.train).toEqual([{ corpus: "emodb", language: "de" }]);
    expect(run.tests[0]).toMatchObject({ corpus: "emodb", language: "de", items: 49, uar: 0.5 });
    expect(run.tests[0]?.recall.sadness).toBeNaN();
    expect(run.createdAt).toBe("2026-11-25T13:45:16.200Z");
    expect(run.experiment).toBe("train");
    expect(run.preset).toBe("cnn1d-bn-statpool");
  });

  it("keeps scores after AdaBN apart from the model as trained", () => {
    const run = runRecordFromFiles({
      id: "20261204-033247Z-cross-ravdess-prosody-formants-linear",
      status: finished,
      config: {
        command: "experiment",
        experiment: { kind: "cross", trainCorpora: ["ravdess"], testCorpora: ["emodb"] },
        languages: { ravdess: "en", emodb: "de" },
        preset: "prosody-formants-linear",
        seed: 1,
        corpora: [{ adapter: "ravdess", path: "/c/ravdess" }],
      },
      metrics: [emodbMetrics, { ...emodbMetrics, uar: 0.6, adaptation: "batchnorm" as const }],
      modelCard: sampleModelCard("x", [{ name: "ravdess", language: "en" }]),
    });
    expect(run.tests.map((test) => test.uar)).toEqual([0.5]);
    expect(run.adaptedTests.map((test) => test.uar)).toEqual([0.6]);
    expect(run.adaptedTests[0]?.corpus).toBe("emodb");
  });

  it("falls back to the config's corpora and languages and the id's time stamp before a card exists", () => {
    const run = runRecordFromFiles({
      id: "20261125-134436Z-paper",
      status: { status: "running", updatedAt: "2026-11-25T13:50:00Z" },
      config: {
        command: "train",
        experiment: { kind: "train", trainCorpora: ["cafe", "x"], testCorpora: ["cafe", "x"] },
        languages: { cafe: "fr" },
        preset: "paper",
        corpora: [
          { adapter: "cafe", path: "/c/cafe", language: "fr" },
          { adapter: "x", path: "/x" },
        ],
      },
    });
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
    const run = runRecordFromFiles({
      id: "r",
      status: finished,
      config: {
        command: "evaluate",
        experiment: { kind: "evaluate", trainCorpora: ["ravdess"], testCorpora: ["cafe"] },
        languages: { ravdess: "en", cafe: "fr" },
        preset: "paper",
        corpora: [{ adapter: "cafe", path: "/c/cafe", language: "fr" }],
      },
      metrics: [
        emodbMetrics,
        { ...emodbMetrics, testSet: "cafe" },
        { ...emodbMetrics, testSet: "x", language: "it" },
      ],
    });
    expect(run.tests.map((test) => test.language)).toEqual(["unknown", "fr", "it"]);
  });

  it("names the run by its experiment's kind", () => {
    const run = runRecordFromFiles({
      id: "r",
      status: finished,
      config: {
        command: "experiment",
        experiment: { kind: "cross", trainCorpora: ["cafe"], testCorpora: ["ravdess"] },
        languages: { cafe: "fr", ravdess: "en" },
        preset: "paper",
        corpora: [],
      },
    });
    expect(run.experiment).toBe("cross");
    expect(run.createdAt).toBe(finished.updatedAt);
  });
});

describe("createdAtOfId", () => {
  it("reads the trainer's run id stamp and nothing else", () => {
    expect(createdAtOfId("20261125-090501Z-paper")).toBe("2026-11-25T09:05:01Z");
    expect(createdAtOfId("my-run")).toBeUndefined();
  });
});
