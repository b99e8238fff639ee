import { describe, expect, it } from "vitest";
import {
  languageColumns,
  languageInputSchema,
  modelInputDimension,
  primaryLanguage,
} from "./language-input.js";

const input = { languages: ["de", "en"], value: 3 };

describe("language input", () => {
  it("puts the value in the spoken language's column, whatever its region", () => {
    expect([...languageColumns(input, "en")]).toEqual([0, 3]);
    expect([...languageColumns(input, "de-DE")]).toEqual([3, 0]);
    expect([...languageColumns(input, "EN-gb")]).toEqual([0, 3]);
  });

  it("gives the average of the known languages' columns for another language, or none", () => {
    expect([...languageColumns(input, "fr-FR")]).toEqual([1.5, 1.5]);
    expect([...languageColumns(input, undefined)]).toEqual([1.5, 1.5]);
    // Trained on one language, the model hears any other as that one.
    expect([...languageColumns({ languages: ["en"], value: 3 }, "de")]).toEqual([3]);
  });

  it("counts the columns in the model's input dimension", () => {
    expect(modelInputDimension(472, input)).toBe(474);
    expect(modelInputDimension(472, undefined)).toBe(472);
    expect(primaryLanguage("zh-Hant-TW")).toBe("zh");
  });

  it("refuses region tags, repeats and a non-positive value", () => {
    expect(languageInputSchema.safeParse({ languages: ["de-DE"], value: 3 }).success).toBe(false);
    expect(languageInputSchema.safeParse({ languages: ["synth"], value: 3 }).success).toBe(true);
    expect(languageInputSchema.safeParse({ languages: ["de", "de"], value: 3 }).success).toBe(
      false,
    );
    expect(languageInputSchema.safeParse({ languages: ["de"], value: 0 }).success).toBe(false);
    expect(languageInputSchema.safeParse(input).success).toBe(true);
  });
});
