// Evaluates a model on loaded corpora exactly as training scores its test sets: the card's
// normalisation and window rule, window posteriors from the model, pooled per utterance with the
// card's aggregation, then core's metrics in the card's class order.
import {
  classificationReportFromIndices,
  cutWindows,
  languageColumnsLookup,
  modelInputDimension,
  QUADRANT_CLASSES,
  type QuadrantClass,
  type TestSetMetrics,
  testSetMetricsFromReport,
} from "@emotion-stream/core";
import { withLanguageColumns } from "../dataset/language-columns.js";
import { type NormalisationStatistics, normaliseFeatures } from "../dataset/normalisation.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { FeatureStore } from "../feature-cache/feature-store.js";
import { createReadCache } from "../feature-cache/read-cache.js";
import { utteranceDecisions } from "../training/evaluation.js";
import { streamedWindows } from "../training/labelled-windows.js";
import type { EvaluationNormalisation } from "./card-normalisation.js";
import { adaptedPredictor, type EvaluatedModel } from "./evaluated-model.js";
import type { TestSet } from "./test-sets.js";

export interface UtteranceDecision {
  readonly id: string;
  readonly speaker: string;
  readonly rawLabel: string;
  readonly truth: QuadrantClass;
  readonly predicted: QuadrantClass;
}

export interface TestSetResult {
  readonly testSet: string;
  readonly corpus: string;
  readonly language: string;
  readonly utterances: number;
  readonly speakers: number;
  readonly windows: number;
  readonly metrics: TestSetMetrics;
  readonly decisions: readonly UtteranceDecision[];
}

export interface CorporaEvaluation {
  /** The normalisation applied and where its statistics came from. */
  readonly normalisation: string;
  readonly testSets: readonly TestSetResult[];
}

/**
 * Every test set, normalised as `normalisation` (from the card) says; with `adaptation` scored
 * by the model's posteriors after AdaBN on that test set instead of its own.
 */
export async function evaluateCorpora(
  model: EvaluatedModel,
  testSets: readonly TestSet[],
  store: FeatureStore,
  normalisation: EvaluationNormalisation,
  adaptation?: "batchnorm",
): Promise<CorporaEvaluation> {
  const results: TestSetResult[] = [];
  for (const testSet of testSets) {
    results.push(
      await evaluateTestSet(model, testSet, store, normalisation.statistics, adaptation),
    );
  }
  return { normalisation: normalisation.description, testSets: results };
}

async function evaluateTestSet(
  model: EvaluatedModel,
  testSet: TestSet,
  store: FeatureStore,
  statistics: NormalisationStatistics,
  adaptation: "batchnorm" | undefined,
): Promise<TestSetResult> {
  const { card } = model;
  // Read batch by batch through a bounded read cache, as training reads its test sets.
  // A language-aware model hears each utterance's language (the average of its languages for one
  // its card does not list).
  const { languageInput } = card;
  const columnsOf = languageInput === undefined ? undefined : languageColumnsLookup(languageInput);
  const read = createReadCache(async (utterance: CachedUtterance) => {
    const normalised = normaliseFeatures(await store.load(utterance), statistics, utterance);
    return columnsOf === undefined
      ? normalised
      : withLanguageColumns(normalised, columnsOf(utterance.language));
  });
  const frameCounts = testSet.utterances.map((utterance) => utterance.frames);
  const windows = streamedWindows(
    testSet.utterances.map((utterance) => ({ label: QUADRANT_CLASSES.indexOf(utterance.label) })),
    cutWindows(card.window, frameCounts),
    card.window.windowFrames,
    modelInputDimension(statistics.dimension, languageInput),
    (item) => read(testSet.utterances[item] as CachedUtterance),
  );
  const posteriors =
    adaptation === "batchnorm"
      ? await adaptedPredictor(model)(windows)
      : await model.predict(windows);
  const decided = utteranceDecisions(windows, posteriors, card.classes, card.aggregation);
  const report = classificationReportFromIndices(
    decided.truth,
    decided.predicted,
    QUADRANT_CLASSES,
  );
  return {
    testSet: testSet.name,
    corpus: testSet.corpus,
    language: testSet.language,
    utterances: testSet.utterances.length,
    speakers: new Set(testSet.utterances.map((utterance) => utterance.speaker)).size,
    windows: windows.count,
    metrics: {
      ...testSetMetricsFromReport(testSet.name, "utterance", report, card.classes),
      ...(adaptation === undefined ? {} : { adaptation }),
    },
    decisions: decided.utterances.map((index, position) => {
      const utterance = testSet.utterances[index] as CachedUtterance;
      return {
        id: utterance.id,
        speaker: utterance.speaker,
        rawLabel: utterance.rawLabel,
        truth: QUADRANT_CLASSES[decided.truth[position] as number] as QuadrantClass,
        predicted: QUADRANT_CLASSES[decided.predicted[position] as number] as QuadrantClass,
      };
    }),
  };
}
