import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DatasetSplit,
  leaveSpeakersOutFolds,
  type SplitItem,
  splitBySpeaker,
  splitByUtterance,
} from "./dataset-split.js";

interface Item extends SplitItem {
  readonly id: number;
}

/** Corpora of speakers with random class mixes; ids unique. */
const itemsArbitrary = fc
  .array(
    fc.record({
      corpus: fc.constantFrom("a", "b"),
      speaker: fc.integer({ min: 0, max: 14 }),
      label: fc.constantFrom(...QUADRANT_CLASSES),
    }),
    { minLength: 1, maxLength: 300 },
  )
  .map((rows) =>
    rows.map(
      (row, id): Item => ({
        id,
        corpus: row.corpus,
        speaker: `${row.corpus}_${row.speaker}`,
        label: row.label,
      }),
    ),
  );

function speakersOf(items: readonly Item[]): Set<string> {
  return new Set(items.map((item) => item.speaker));
}

function ids(split: DatasetSplit<Item>): number[] {
  return [...split.train, ...split.validation, ...split.test]
    .map((item) => item.id)
    .sort((a, b) => a - b);
}

/** A balanced corpus: `speakers` speakers with `perClass` utterances of every class. */
function balancedCorpus(corpus: string, speakers: number, perClass: number): Item[] {
  const items: Item[] = [];
  for (let s = 0; s < speakers; s++) {
    for (const label of QUADRANT_CLASSES) {
      for (let n = 0; n < perClass; n++)
        items.push({ id: items.length, corpus, speaker: `${corpus}_${s}`, label });
    }
  }
  return items;
}

describe("speaker-independent split", () => {
  it("never puts one speaker in two partitions and loses or duplicates no item", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer(), (items, seed) => {
        const split = splitBySpeaker(items, seed);
        const [train, validation, test] = [split.train, split.validation, split.test].map(
          speakersOf,
        );
        for (const speaker of train ?? [])
          expect(validation?.has(speaker) || test?.has(speaker)).toBe(false);
        for (const speaker of validation ?? []) expect(test?.has(speaker)).toBe(false);
        expect(ids(split)).toEqual(items.map((item) => item.id));
      }),
    );
  });

  it("is a pure function of its seed", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer(), (items, seed) => {
        expect(splitBySpeaker(items, seed)).toEqual(splitBySpeaker(items, seed));
      }),
    );
  });

  it("gives each corpus of 20 speakers 16/2/2 speakers and keeps classes balanced", () => {
    const items = [...balancedCorpus("a", 20, 3), ...balancedCorpus("b", 20, 2)];
    const split = splitBySpeaker(items, 7);
    for (const corpus of ["a", "b"]) {
      const count = (part: readonly Item[]) =>
        speakersOf(part.filter((item) => item.corpus === corpus)).size;
      expect([count(split.train), count(split.validation), count(split.test)]).toEqual([16, 2, 2]);
    }
    for (const part of [split.train, split.validation, split.test]) {
      const perClass = QUADRANT_CLASSES.map(
        (label) => part.filter((item) => item.label === label).length,
      );
      expect(new Set(perClass).size).toBe(1);
    }
  });

  it("leaves no partition empty with three speakers", () => {
    const split = splitBySpeaker(balancedCorpus("a", 3, 1), 1);
    expect(
      [split.train, split.validation, split.test].map((part) => speakersOf(part).size),
    ).toEqual([1, 1, 1]);
  });

  it("rejects fractions that do not sum to one", () => {
    expect(() => splitBySpeaker([], 1, { train: 0.5, validation: 0.1, test: 0.1 })).toThrow(
      expect.objectContaining({ code: "BAD_SPLIT" }),
    );
  });
});

describe("k-fold leave-speakers-out", () => {
  it("tests every speaker in exactly one fold, never trains on a test or validation speaker", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.integer(), (k, seed) => {
        const items = [...balancedCorpus("a", 8, 1), ...balancedCorpus("b", 6, 2)].map(
          (item, id) => ({
            ...item,
            id,
          }),
        );
        const folds = leaveSpeakersOutFolds(items, k, seed);
        expect(folds).toHaveLength(k);
        const tested = folds.flatMap((fold) => [...speakersOf(fold.test)]);
        expect(tested.sort()).toEqual([...speakersOf(items)].sort());
        for (const fold of folds) {
          const train = speakersOf(fold.train);
          for (const speaker of [...speakersOf(fold.test), ...speakersOf(fold.validation)]) {
            expect(train.has(speaker)).toBe(false);
          }
          expect(ids(fold)).toEqual(items.map((item) => item.id));
        }
      }),
    );
  });

  it("needs at least k speakers per corpus", () => {
    expect(() => leaveSpeakersOutFolds(balancedCorpus("a", 2, 1), 3, 1)).toThrow(
      expect.objectContaining({ code: "BAD_SPLIT" }),
    );
  });
});

describe("the study's random utterance split", () => {
  it("cuts each class 80/10/10 and is reproducible", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer(), (items, seed) => {
        const split = splitByUtterance(items, seed);
        expect(split).toEqual(splitByUtterance(items, seed));
        expect(ids(split)).toEqual(items.map((item) => item.id));
        for (const label of QUADRANT_CLASSES) {
          const total = items.filter((item) => item.label === label).length;
          const train = split.train.filter(
            (item: { label: QuadrantClass }) => item.label === label,
          ).length;
          expect(train).toBe(Math.round(total * 0.8));
        }
      }),
    );
  });
});
