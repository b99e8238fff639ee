import { describe, expect, it } from "vitest";
import { type SummaryItem, splitBalance, summariseDataset } from "./dataset-summary.js";

const item = (
  speaker: string,
  label: SummaryItem["label"],
  rawLabel: string,
  seconds: number,
): SummaryItem => ({
  corpus: speaker.split("_")[0] ?? "",
  speaker,
  gender: "female",
  language: speaker.startsWith("emodb") ? "de" : "en",
  label,
  rawLabel,
  durationSeconds: seconds,
});

describe("dataset summary", () => {
  const items = [
    item("ravdess_02", "joy", "happy", 3),
    item("ravdess_02", "pleasure", "calm", 4),
    item("emodb_08", "sadness", "bored", 2),
    item("emodb_08", "sadness", "sad", 5),
  ];

  it("counts utterances and seconds per class, raw label, language, corpus and speaker", () => {
    const summary = summariseDataset(items);
    expect(summary).toMatchObject({ utterances: 4, seconds: 14 });
    expect(summary.byClass).toEqual({
      joy: { utterances: 1, seconds: 3 },
      anger: { utterances: 0, seconds: 0 },
      sadness: { utterances: 2, seconds: 7 },
      pleasure: { utterances: 1, seconds: 4 },
    });
    expect(summary.byRawLabel.bored).toEqual({ utterances: 1, seconds: 2 });
    expect(summary.byLanguage).toEqual({
      de: { utterances: 2, seconds: 7 },
      en: { utterances: 2, seconds: 7 },
    });
    expect(summary.speakers.map((s) => [s.speaker, s.utterances, s.classes.sadness])).toEqual([
      ["emodb_08", 2, 2],
      ["ravdess_02", 2, 0],
    ]);
  });

  it("gives each partition's speakers, utterances and class counts", () => {
    const balance = splitBalance({
      train: items.slice(0, 2),
      validation: items.slice(2),
      test: [],
    });
    expect(balance.train).toEqual({
      speakers: 1,
      utterances: 2,
      classes: { joy: 1, anger: 0, sadness: 0, pleasure: 1 },
    });
    expect(balance.test).toEqual({
      speakers: 0,
      utterances: 0,
      classes: { joy: 0, anger: 0, sadness: 0, pleasure: 0 },
    });
  });
});
