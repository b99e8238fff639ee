import { describe, expect, it } from "vitest";
import { mixLanguages, parseLanguageMixing } from "./language-mixing.js";

// Windows 0-5 are language 0 ("en"), 6-8 language 1 ("fr").
const languageOf = Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1]);
const order = Uint32Array.from([6, 0, 1, 7, 2, 3, 8, 4, 5]);
const languages = ["en", "fr"];

describe("mixLanguages", () => {
  it("alternate: each batch is one language in turn, keeping every window once", () => {
    const mixed = mixLanguages(order, languageOf, languages, 2, { kind: "alternate" });
    expect(Array.from(mixed)).toEqual([0, 1, 6, 7, 2, 3, 8, 4, 5]);
  });

  it("ratio: every batch holds the languages in proportion, cycling the smaller one", () => {
    const mixed = mixLanguages(order, languageOf, languages, 3, parseLanguageMixing("en=2,fr=1"));
    const batches = [0, 3, 6].map((start) =>
      Array.from(mixed.subarray(start, start + 3), (i) => languageOf[i]),
    );
    expect(batches).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
  });

  it("balanced: every batch holds the languages in equal shares, the smaller one cycled", () => {
    const mixed = mixLanguages(order, languageOf, languages, 2, parseLanguageMixing("balanced"));
    const counts = [0, 1].map(
      (language) => Array.from(mixed).filter((index) => languageOf[index] === language).length,
    );
    expect(counts).toEqual([5, 4]);
    for (let start = 0; start + 2 <= mixed.length; start += 2) {
      expect(new Set(Array.from(mixed.subarray(start, start + 2), (i) => languageOf[i])).size).toBe(
        2,
      );
    }
  });

  it("tempered: shares as the square root of each language's windows", () => {
    // 16 windows of one language, 4 of the other: shares 4 : 2 of a batch of 6.
    const languageOf16 = Uint8Array.from({ length: 20 }, (_, i) => (i < 16 ? 0 : 1));
    const order20 = Uint32Array.from({ length: 20 }, (_, i) => i);
    const mixed = mixLanguages(
      order20,
      languageOf16,
      languages,
      6,
      parseLanguageMixing("tempered"),
    );
    const firstBatch = Array.from(mixed.subarray(0, 6), (i) => languageOf16[i]);
    expect(firstBatch.filter((language) => language === 0)).toHaveLength(4);
  });

  it("mixed leaves the order alone, and a bad ratio fails with BAD_ARGUMENT", () => {
    expect(mixLanguages(order, languageOf, languages, 2, { kind: "mixed" })).toBe(order);
    expect(() => parseLanguageMixing("en=abc")).toThrowError(
      expect.objectContaining({ code: "BAD_ARGUMENT" }),
    );
  });
});
