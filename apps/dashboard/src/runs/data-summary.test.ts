import type { TrainingRunData } from "@emotion-stream/artifacts";
import { describe, expect, it } from "vitest";
import { dataSummaryTables } from "./data-summary.js";

const partition = (utterances: number) => ({
  speakers: 2,
  utterances,
  classes: { joy: 1, anger: 2, sadness: 3, pleasure: utterances - 6 },
});

const tally = (utterances: number) => ({ utterances, seconds: utterances * 3 });

describe("dataSummaryTables", () => {
  it("tabulates the split per class in canonical order and tallies largest first", () => {
    const data: TrainingRunData = {
      summary: {
        utterances: 30,
        seconds: 90,
        byClass: { joy: tally(3), anger: tally(6), sadness: tally(9), pleasure: tally(12) },
        byLanguage: { de: { utterances: 30, seconds: 90 } },
        byCorpus: { emodb: { utterances: 30, seconds: 90 } },
        byRawLabel: {
          sad: { utterances: 10, seconds: 30 },
          angry: { utterances: 20, seconds: 60 },
        },
        speakers: [],
      },
      split: { train: partition(20), validation: partition(6), test: partition(8) },
    };
    const tables = dataSummaryTables(data);
    expect(tables?.minutes).toBe(1.5);
    expect(tables?.partitions.map((row) => [row.name, row.classes])).toEqual([
      ["train", [1, 2, 3, 14]],
      ["validation", [1, 2, 3, 0]],
      ["test", [1, 2, 3, 2]],
    ]);
    expect(tables?.byRawLabel.map((row) => row.name)).toEqual(["angry", "sad"]);
  });

  it("has no tables for an evaluation run's data or none", () => {
    expect(dataSummaryTables({ testSets: [], skipped: [] })).toBeUndefined();
    expect(dataSummaryTables(undefined)).toBeUndefined();
  });
});
