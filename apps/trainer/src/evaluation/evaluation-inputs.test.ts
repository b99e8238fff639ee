import { describe, expect, it } from "vitest";
import type { SkippedItem } from "../corpora/corpus-utterance.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { CachedCorpus } from "../feature-cache/feature-cache.js";
import { checkMappableCorpora } from "./mappable-corpora.js";
import { summariseSkipped } from "./skipped-items.js";
import { testSetsOf } from "./test-sets.js";

const skipped: SkippedItem[] = [
  { file: "a.wav", reason: "unknown-label", message: "", label: "surprised" },
  { file: "b.wav", reason: "unknown-label", message: "", label: "surprised" },
  { file: "c.wav", reason: "unknown-label", message: "", label: "meh" },
  { file: "d.wav", reason: "unreadable-file", message: "not a WAV" },
  { file: "e.wav", reason: "too-short", message: "" },
];

describe("summariseSkipped", () => {
  it("counts unmapped labels per label, lists unreadable files and counts the rest", () => {
    expect(summariseSkipped(skipped)).toEqual({
      labels: { surprised: 2, meh: 1 },
      unreadableFiles: [{ file: "d.wav", message: "not a WAV" }],
      otherReasons: { "too-short": 1 },
    });
  });
});

describe("checkMappableCorpora", () => {
  const corpus = (utterances: number, items: SkippedItem[]) =>
    ({
      corpus: "c",
      root: "/root",
      utterances: new Array(utterances).fill({}),
      skipped: items,
    }) as unknown as CachedCorpus;

  it("refuses a corpus whose labels the table maps none of, naming the file, field and labels", () => {
    expect(() =>
      checkMappableCorpora([corpus(0, skipped.slice(0, 3))], ["/data/manifest.csv"], "the table"),
    ).toThrowError(
      expect.objectContaining({
        code: "EMPTY_CORPUS",
        details: {
          file: "/data/manifest.csv",
          field: "emotion",
          received: "surprised (2), meh (1)",
        },
      }),
    );
  });

  it("refuses a corpus none of whose files could be read", () => {
    expect(() =>
      checkMappableCorpora([corpus(0, skipped.slice(3, 4))], ["/data"], "the table"),
    ).toThrowError(
      expect.objectContaining({
        code: "EMPTY_CORPUS",
        details: expect.objectContaining({ field: "path" }),
      }),
    );
  });

  it("accepts corpora with at least one usable utterance", () => {
    expect(() => checkMappableCorpora([corpus(1, skipped)], ["/data"], "the table")).not.toThrow();
  });
});

describe("testSetsOf", () => {
  const utterance = (corpus: string, language: string) => ({ corpus, language }) as CachedUtterance;

  it("names a test set by its corpus, adding the language when the corpus has several", () => {
    const sets = testSetsOf([
      utterance("ravdess", "en"),
      utterance("synth", "a"),
      utterance("synth", "b"),
      utterance("ravdess", "en"),
    ]);
    expect(sets.map((set) => [set.name, set.utterances.length])).toEqual([
      ["ravdess", 2],
      ["synth/a", 1],
      ["synth/b", 1],
    ]);
  });
});
