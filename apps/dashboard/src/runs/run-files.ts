// The files of one run directory exactly as the trainer writes them (apps/trainer/src/runs/
// run-directory.ts): status.json, config.json (core's run config), data.json, history.json,
// metrics.json (core's test-set metrics) and model-card.json (core's model card). Parsed here at
// the edge into a RunRecord; the dashboard reads only the fields it shows and keeps the rest.
import {
  type ModelCard,
  modelCardSchema,
  QUADRANT_CLASSES,
  type QuadrantClass,
  type RunConfig,
  testSetMetricsSchema,
} from "@emotion-stream/core";
import { z } from "zod";
import type { CorpusLanguage, RunRecord, TestSetResult } from "./run-record.js";

export const RUN_FILES = {
  status: "status.json",
  config: "config.json",
  data: "data.json",
  history: "history.json",
  metrics: "metrics.json",
  modelCard: "model-card.json",
} as const;

export const runStatusFileSchema = z.object({
  status: z.enum(["running", "finished", "interrupted", "failed"]),
  updatedAt: z.string(),
  message: z.string().optional(),
});

export const historyFileSchema = z.looseObject({
  selectedEpoch: z.number().int().optional(),
  stoppedEarly: z.boolean().optional(),
  epochs: z.array(
    z.looseObject({
      epoch: z.number().int().min(0),
      loss: z.number(),
      validationLoss: z.number().optional(),
      validationUar: z.number().min(0).max(1).optional(),
      validationWa: z.number().min(0).max(1).optional(),
    }),
  ),
});

/** Core's test-set metrics; a test corpus's language when the run states it beside them. */
export const metricsFileSchema = z.array(
  testSetMetricsSchema.extend({ language: z.string().optional() }),
);

export interface RunFiles {
  /** The directory name, which is the run's id (`<date>-<time>Z-<name>`). */
  readonly id: string;
  readonly status: z.output<typeof runStatusFileSchema>;
  readonly config?: RunConfig;
  readonly data?: unknown;
  /** Absent while a run trains, or when it stopped before that step. */
  readonly history?: z.output<typeof historyFileSchema>;
  readonly metrics?: z.output<typeof metricsFileSchema>;
  readonly modelCard?: unknown;
}

export function runRecordFromFiles(files: RunFiles): RunRecord {
  const parsedCard = modelCardSchema.safeParse(files.modelCard);
  const card = parsedCard.success ? parsedCard.data : undefined;
  const train = trainingCorpora(files.config, card);
  return {
    id: files.id,
    experiment: files.config?.experiment.kind ?? "unknown",
    preset: files.config?.preset ?? card?.preset.name ?? "unknown",
    createdAt: card?.createdAt ?? createdAtOfId(files.id) ?? files.status.updatedAt,
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

/** `20261125-134436Z-paper` -> `2026-11-25T13:44:36Z` (the trainer's runId stamp). */
export function createdAtOfId(id: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z/.exec(id);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}
