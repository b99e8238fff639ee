// The study's three settings, told apart by what a model was trained on relative to its test
// language, so evaluation runs and single experiments land in the same columns as study plans;
// and cross-language scores after AdaBN (`--adapt-batchnorm`), beside the plain ones.
export const STUDY_COLUMNS = ["mono", "multi", "cross", "crossAdapted"] as const;

export type StudyColumn = (typeof STUDY_COLUMNS)[number];

export const STUDY_COLUMN_LABELS: Readonly<Record<StudyColumn, string>> = {
  mono: "Mono-lingual",
  multi: "Multi-lingual",
  cross: "Cross-language",
  crossAdapted: "Cross-language, AdaBN",
};

export function studyColumnOf(
  trainLanguages: readonly string[],
  testLanguage: string,
  adapted = false,
): StudyColumn {
  if (!trainLanguages.includes(testLanguage)) return adapted ? "crossAdapted" : "cross";
  return new Set(trainLanguages).size > 1 ? "multi" : "mono";
}
