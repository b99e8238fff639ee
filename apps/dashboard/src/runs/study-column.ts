// The study's three settings, told apart by what a model was trained on relative to its test
// language, so evaluation runs and single experiments land in the same columns as study plans.
export const STUDY_COLUMNS = ["mono", "multi", "cross"] as const;

export type StudyColumn = (typeof STUDY_COLUMNS)[number];

export const STUDY_COLUMN_LABELS: Readonly<Record<StudyColumn, string>> = {
  mono: "Mono-lingual",
  multi: "Multi-lingual",
  cross: "Cross-language",
};

export function studyColumnOf(
  trainLanguages: readonly string[],
  testLanguage: string,
): StudyColumn {
  if (!trainLanguages.includes(testLanguage)) return "cross";
  return new Set(trainLanguages).size > 1 ? "multi" : "mono";
}
