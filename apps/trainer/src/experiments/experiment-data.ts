// Turns a split of cached utterances into what training needs: normalisation fitted on the
// training partition only, each partition normalised as it is read, windows cut by the preset's
// window rule (core's: the study's one average-length window per utterance, or fixed windows).
import {
  cutWindows,
  type LanguageInput,
  languageColumnsLookup,
  type ModelWindow,
  primaryLanguage,
  QUADRANT_CLASSES,
  resolveWindowRule,
} from "@emotion-stream/core";
import type { DatasetSplit } from "../dataset/dataset-split.js";
import { withLanguageColumns } from "../dataset/language-columns.js";
import {
  fitNormalisation,
  type NormalisationStatistics,
  normaliseFeatures,
  withUnseenGroups,
} from "../dataset/normalisation.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { FeatureStore } from "../feature-cache/feature-store.js";
import { createReadCache, DEFAULT_READ_CACHE_BYTES } from "../feature-cache/read-cache.js";
import type { ModelPreset } from "../models/model-preset.js";
import {
  type LabelledWindows,
  streamedWindows,
  type WindowedUtterance,
} from "../training/labelled-windows.js";

/** How features are normalised: the study's per-frame L2, or z-normalisation over all training
 * frames (`global`), per corpus (`corpus`) or per speaker (`speaker`): a corpus or speaker the
 * model never trained on is normalised with its own statistics, which needs no labels and removes
 * a recording setup's (a voice's) offset. */
export type NormalisationChoice = "l2-frame" | "global" | "corpus" | "speaker";

export interface ExperimentData {
  /** The preset's window rule resolved on the training partition: what card and config record. */
  readonly window: ModelWindow;
  /** Mean duration of the training utterances (a functionals model's live window). */
  readonly averageTrainingSeconds: number;
  /** Fitted on the training partition: what the model card records. */
  readonly normalisation: NormalisationStatistics;
  /** A language-aware preset's language columns: the training partition's languages. */
  readonly languageInput?: LanguageInput;
  /** For `corpus` and `speaker`: statistics pooled over all training frames, for inputs of no known group. */
  readonly pooledNormalisation?: NormalisationStatistics;
  readonly train: LabelledWindows;
  readonly validation: LabelledWindows;
  /** Test windows per test set: each corpus of the test partition by name. */
  readonly tests: ReadonlyMap<string, LabelledWindows>;
}

export async function prepareExperimentData(
  split: DatasetSplit<CachedUtterance>,
  store: FeatureStore,
  preset: ModelPreset,
  dimension: number,
  choice: NormalisationChoice = preset.normalisation,
  readCacheBytes: number = DEFAULT_READ_CACHE_BYTES,
): Promise<ExperimentData> {
  const load = (u: CachedUtterance) => store.load(u);
  const normalisation = await fitNormalisation(choice, split.train, load, dimension);
  const applied = await withUnseenGroups(normalisation, [...split.validation, ...split.test], load);
  const frameCounts = (utterances: readonly CachedUtterance[]) =>
    utterances.map((utterance) => utterance.frames);
  const window = resolveWindowRule(preset.window, frameCounts(split.train));
  // Nothing is loaded here: batches read (and normalise) their utterances through one bounded
  // read cache, so memory stays its budget however large the corpus.
  const languageInput = presetLanguageInput(preset, split.train);
  const columnsOf = languageInput === undefined ? undefined : languageColumnsLookup(languageInput);
  const read = createReadCache(async (u: CachedUtterance) => {
    const normalised = normaliseFeatures(await store.load(u), applied, u);
    return columnsOf === undefined
      ? normalised
      : withLanguageColumns(normalised, columnsOf(u.language));
  }, readCacheBytes);
  const windowDimension = dimension + (languageInput?.languages.length ?? 0);
  const windowsOf = (utterances: readonly CachedUtterance[]) =>
    streamedWindows(
      utterances.map(windowedUtterance),
      cutWindows(window, frameCounts(utterances)),
      window.windowFrames,
      windowDimension,
      (item) => read(utterances[item] as CachedUtterance),
    );
  const tests = new Map<string, LabelledWindows>();
  for (const [corpus, utterances] of groupByCorpus(split.test))
    tests.set(corpus, windowsOf(utterances));
  return {
    window,
    averageTrainingSeconds:
      split.train.reduce((sum, utterance) => sum + utterance.durationSeconds, 0) /
      Math.max(1, split.train.length),
    normalisation,
    ...(languageInput === undefined ? {} : { languageInput }),
    ...(choice === "corpus" || choice === "speaker"
      ? { pooledNormalisation: await fitNormalisation("global", split.train, load, dimension) }
      : {}),
    train: windowsOf(split.train),
    validation: windowsOf(split.validation),
    tests,
  };
}

/** The languages a language-aware preset's model hears: those of its training utterances. */
function presetLanguageInput(
  preset: ModelPreset,
  train: readonly CachedUtterance[],
): LanguageInput | undefined {
  if (preset.languageInput === undefined) return undefined;
  const languages = [...new Set(train.map((utterance) => primaryLanguage(utterance.language)))];
  return { languages: languages.sort(), value: preset.languageInput.value };
}

function windowedUtterance(utterance: CachedUtterance): WindowedUtterance {
  return { label: QUADRANT_CLASSES.indexOf(utterance.label), language: utterance.language };
}

function groupByCorpus(utterances: readonly CachedUtterance[]): Map<string, CachedUtterance[]> {
  const groups = new Map<string, CachedUtterance[]>();
  for (const utterance of utterances)
    groups.set(utterance.corpus, [...(groups.get(utterance.corpus) ?? []), utterance]);
  return groups;
}
