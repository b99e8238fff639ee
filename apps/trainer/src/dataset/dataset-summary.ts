// Counts that describe a dataset: utterances and seconds per class, language, corpus and speaker,
// and the class balance of each partition of a split. Pure; the `data` command prints them.
import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import type { DatasetSplit } from "./dataset-split.js";

export interface SummaryItem {
  readonly corpus: string;
  readonly speaker: string;
  readonly gender?: string;
  readonly language: string;
  readonly label: QuadrantClass;
  readonly rawLabel: string;
  readonly durationSeconds: number;
}

export interface Tally {
  readonly utterances: number;
  readonly seconds: number;
}

export interface SpeakerTally extends Tally {
  readonly speaker: string;
  readonly corpus: string;
  readonly gender?: string;
  readonly classes: Record<QuadrantClass, number>;
}

export interface DatasetSummary extends Tally {
  readonly byClass: Record<QuadrantClass, Tally>;
  readonly byRawLabel: Record<string, Tally>;
  readonly byLanguage: Record<string, Tally>;
  readonly byCorpus: Record<string, Tally>;
  readonly speakers: SpeakerTally[];
}

export interface PartitionBalance {
  readonly speakers: number;
  readonly utterances: number;
  readonly classes: Record<QuadrantClass, number>;
}

export function summariseDataset(items: readonly SummaryItem[]): DatasetSummary {
  const byClass = Object.fromEntries(
    QUADRANT_CLASSES.map((name) => [name, emptyTally()]),
  ) as Record<QuadrantClass, Tally>;
  const byRawLabel: Record<string, Tally> = {};
  const byLanguage: Record<string, Tally> = {};
  const byCorpus: Record<string, Tally> = {};
  const speakers = new Map<string, SpeakerTally>();
  for (const item of items) {
    byClass[item.label] = add(byClass[item.label], item);
    byRawLabel[item.rawLabel] = add(byRawLabel[item.rawLabel], item);
    byLanguage[item.language] = add(byLanguage[item.language], item);
    byCorpus[item.corpus] = add(byCorpus[item.corpus], item);
    const speaker = speakers.get(item.speaker) ?? {
      speaker: item.speaker,
      corpus: item.corpus,
      ...(item.gender === undefined ? {} : { gender: item.gender }),
      utterances: 0,
      seconds: 0,
      classes: emptyClassCounts(),
    };
    speakers.set(item.speaker, {
      ...speaker,
      ...add(speaker, item),
      classes: { ...speaker.classes, [item.label]: speaker.classes[item.label] + 1 },
    });
  }
  const total = items.reduce((tally, item) => add(tally, item), emptyTally());
  return {
    ...total,
    byClass,
    byRawLabel,
    byLanguage,
    byCorpus,
    speakers: [...speakers.values()].sort((a, b) => (a.speaker < b.speaker ? -1 : 1)),
  };
}

export function splitBalance<T extends SummaryItem>(
  split: DatasetSplit<T>,
): Record<keyof DatasetSplit<T>, PartitionBalance> {
  const balance = (items: readonly T[]): PartitionBalance => {
    const classes = emptyClassCounts();
    for (const item of items) classes[item.label]++;
    return {
      speakers: new Set(items.map((item) => item.speaker)).size,
      utterances: items.length,
      classes,
    };
  };
  return {
    train: balance(split.train),
    validation: balance(split.validation),
    test: balance(split.test),
  };
}

function emptyTally(): Tally {
  return { utterances: 0, seconds: 0 };
}

function emptyClassCounts(): Record<QuadrantClass, number> {
  return { joy: 0, anger: 0, sadness: 0, pleasure: 0 };
}

function add(tally: Tally | undefined, item: SummaryItem): Tally {
  const base = tally ?? emptyTally();
  return { utterances: base.utterances + 1, seconds: base.seconds + item.durationSeconds };
}
