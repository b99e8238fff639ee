// The study's three settings, told apart by what a model was trained on relative to its test
// language, so evaluation runs and single experiments land in the same columns as study plans;
// and scores after AdaBN (`--adapt-batchnorm`, on a corpus the model did not train on) apart.
export const STUDY_COLUMNS = ["mono", "multi", "cross", "adapted"] as const;

export type StudyColumn = (typeof STUDY_COLUMNS)[number];

export const STUDY_COLUMN_LABELS: Readonly<Record<StudyColumn, string>> = {
  mono: "Mono-lingual",
  multi: "Multi-lingual",
  cross: "Cross-language",
  adapted: "Other corpus, AdaBN",
};

export function studyColumnOf(
  trainLanguages: readonly string[],
  testLanguage: string,
  adapted = false,
): StudyColumn {
  if (adapted) return "adapted";
  if (!trainLanguages.includes(testLanguage)) return "cross";
  return new Set(trainLanguages).size > 1 ? "multi" : "mono";
}
