// A run directory as the artifacts package reads it (status, config, data, history, metrics and
// model card, each parsed by its one schema) turned into the dashboard's RunRecord: what the pages
// show of a run, and its rows of the study table exactly as `trainer report` reads them.
import { type RunFiles, reportRows, runStartedAt } from "@emotion-stream/artifacts";
import {
  type ModelCard,
  modelCardSchema,
  QUADRANT_CLASSES,
  type QuadrantClass,
} from "@emotion-stream/core";
import type { CorpusLanguage, RunRecord, TestSetResult } from "./run-record.js";

export function runRecordFromFiles(files: RunFiles): RunRecord {
  const parsedCard = modelCardSchema.safeParse(files.modelCard);
  const card = parsedCard.success ? parsedCard.data : undefined;
  const train = trainingCorpora(files.config, card);
  return {
    id: files.id,
    experiment: files.config?.experiment.kind ?? "unknown",
    preset: files.config?.preset ?? card?.preset.name ?? "unknown",
    createdAt: card?.createdAt ?? runStartedAt(files.id) ?? files.status.updatedAt,
    status: files.status.status,
    statusMessage: files.status.message,
    train,
    seed: files.config?.seed,
    config: files.config,
    tests: testResults(files, train, (test) => test.adaptation === undefined),
    adaptedTests: testResults(files, train, (test) => test.adaptation === "batchnorm"),
    history: files.history?.epochs ?? [],
    selectedEpoch: files.history?.selectedEpoch,
    dataSummary: files.data,
    modelCard: files.modelCard,
    reportRows:
      files.status.status === "finished" &&
      files.config !== undefined &&
      files.metrics !== undefined
        ? reportRows(files.id, files.config, files.metrics)
        : [],
  };
}

type TestMetrics = NonNullable<RunFiles["metrics"]>[number];

function testResults(
  files: RunFiles,
  train: readonly CorpusLanguage[],
  keep: (test: TestMetrics) => boolean,
): TestSetResult[] {
  return (files.metrics ?? []).filter(keep).map((test) => ({
    corpus: test.testSet,
    language: test.language ?? languageOf(test.testSet, train, files.config),
    items: test.items,
    uar: test.uar,
    wa: test.wa,
    macroF1: test.macroF1,
    recall: Object.fromEntries(
      QUADRANT_CLASSES.map((name) => [name, test.perClassRecall[name] ?? Number.NaN]),
    ) as Record<QuadrantClass, number>,
    confusion: test.confusion,
  }));
}

// The card names each training corpus with its language; a run without a card yet falls back to
// its config's experiment and languages.
function trainingCorpora(
  config: RunFiles["config"],
  card: ModelCard | undefined,
): CorpusLanguage[] {
  if (card !== undefined) {
    return card.trainingData.corpora.map((corpus) => ({
      corpus: corpus.name,
      language: corpus.language,
    }));
  }
  return (config?.experiment.trainCorpora ?? []).map((corpus) => ({
    corpus,
    language: config?.languages[corpus] ?? "unknown",
  }));
}

function languageOf(
  testSet: string,
  train: readonly CorpusLanguage[],
  config: RunFiles["config"],
): string {
  return (
    config?.languages[testSet] ??
    train.find((corpus) => corpus.corpus === testSet)?.language ??
    "unknown"
  );
}
