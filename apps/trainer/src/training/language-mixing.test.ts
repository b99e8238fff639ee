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

  it("mixed leaves the order alone, and a bad ratio fails with BAD_ARGUMENT", () => {
    expect(mixLanguages(order, languageOf, languages, 2, { kind: "mixed" })).toBe(order);
    expect(() => parseLanguageMixing("en=abc")).toThrowError(
      expect.objectContaining({ code: "BAD_ARGUMENT" }),
    );
  });
});
