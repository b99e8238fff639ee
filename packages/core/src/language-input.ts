// A language-aware model hears which language is spoken: after each frame's features its input
// holds one column per language it was trained on, `value` in the spoken language's column and 0
// elsewhere. Speech of a language it does not list, or of none declared, gets `value / languages`
// in every column, the average of the inputs it knows: through the first (linear) layer that is
// the average of its languages' offsets, and a model trained on one language hears it as its own.
import { z } from "zod";

export const languageInputSchema = z.object({
  /**
   * Primary language subtags (`en`, `de`), in column order; a corpus may name its language more
   * loosely (the synthetic corpus's `synth-stress` gives `synth`), which no stream then selects.
   */
  languages: z
    .array(z.string().regex(/^[a-z0-9]{1,8}$/, "a primary language subtag such as en or de"))
    .min(1)
    .refine(
      (languages) => new Set(languages).size === languages.length,
      "languages must be unique",
    ),
  /** The value in the spoken language's column (the features beside it are z-scores). */
  value: z.number().positive(),
});

export type LanguageInput = z.infer<typeof languageInputSchema>;

/** `de-DE` -> `de`; the primary subtag names a language column whatever the region or script. */
export function primaryLanguage(tag: string): string {
  return (tag.split("-")[0] ?? "").toLowerCase();
}

/**
 * The columns that follow each frame's features, by spoken language (a BCP-47-like tag): one-hot
 * scaled by `value`, or `value / languages` in each for a language the model does not list or none
 * given. Every answer is made once, here, and shared: callers read the arrays, never write them.
 */
export function languageColumnsLookup(
  input: LanguageInput,
): (language: string | undefined) => Float32Array {
  const count = input.languages.length;
  const unknown = new Float32Array(count).fill(input.value / count);
  const listed = input.languages.map((_, index) => {
    const columns = new Float32Array(count);
    columns[index] = input.value;
    return columns;
  });
  return (language) =>
    (language === undefined
      ? undefined
      : listed[input.languages.indexOf(primaryLanguage(language))]) ?? unknown;
}

/** The columns for speech in `language`, for a single use (see `languageColumnsLookup`). */
export function languageColumns(input: LanguageInput, language: string | undefined): Float32Array {
  return languageColumnsLookup(input)(language);
}

/** The model's input values per frame: the features, then the language columns if any. */
export function modelInputDimension(
  featureDimension: number,
  input: LanguageInput | undefined,
): number {
  return featureDimension + (input?.languages.length ?? 0);
}

/** The card fields that set the model's input values per frame, for errors that name them. */
export function modelInputDimensionField(input: LanguageInput | undefined): string {
  return input === undefined
    ? "featureSet.dimension"
    : "featureSet.dimension + languageInput.languages";
}
