// One training run end to end: prepare the experiment's data, train with a progress bar, score
// every test corpus at utterance level, and write the run directory (config, data summary,
// history, metrics, model, model card), marked finished only when all of it is written.

import { join } from "node:path";
import {
  RUN_FILES,
  runId,
  type SplitDescription,
  type TrainingExperimentKind,
  type TrainingRunConfig,
} from "@emotion-stream/artifacts";
import { type TestSetMetrics, testSetMetricsFromReport } from "@emotion-stream/core";
import { staticDimension } from "@emotion-stream/features";
import type { CorpusOptions } from "../corpora/corpus-options.js";
import type { DatasetSplit } from "../dataset/dataset-split.js";
import { splitBalance, summariseDataset } from "../dataset/dataset-summary.js";
import type { SilenceTrim } from "../dataset/silence-trim.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import type { LoadedCorpora } from "../feature-cache/load-cached-corpora.js";
import type { ModelPreset, TrainingRecipe } from "../models/model-preset.js";
import { buildModelCard } from "../runs/build-model-card.js";
import { createRunDirectory, type RunDirectory, withRunStatus } from "../runs/run-directory.js";
import type { BackendName } from "../tfjs/backend.js";
import { withBatchNormalisationAdaptedTo } from "../training/batchnorm-adaptation.js";
import { evaluateUtterances } from "../training/evaluation.js";
import type { LanguageMixing } from "../training/language-mixing.js";
import { saveModel } from "../training/model-files.js";
import { trainModel } from "../training/train-model.js";
import { createTrainingProgressBar } from "../training/training-progress-bar.js";
import { trainingCorpusSummaries } from "./corpus-summaries.js";
import { type NormalisationChoice, prepareExperimentData } from "./experiment-data.js";

/** What is trained on and tested on; `kind` is the study's column (or `train` for a plain run). */
export interface ExperimentDefinition {
  readonly kind: TrainingExperimentKind;
  readonly trainCorpora: readonly string[];
  readonly testCorpora: readonly string[];
}

export interface ExperimentSettings {
  readonly preset: ModelPreset;
  readonly recipe: TrainingRecipe;
  readonly seed: number;
  readonly backend: BackendName;
  readonly threads: number;
  readonly runsDir: string;
  readonly corpusOptions: CorpusOptions;
  readonly languageMixing: LanguageMixing;
  readonly normalisation: NormalisationChoice;
  /** Silence cut from the utterances before windowing (they arrive trimmed; recorded here). */
  readonly trimSilence?: SilenceTrim;
  /** The split the run is on (seed, fold), recorded in config.json; absent: a speaker split by `seed`. */
  readonly split?: SplitDescription;
  /**
   * Also score each test corpus the run did not train on with the batch-normalisation statistics
   * re-estimated on its unlabelled windows (AdaBN), as a second, labelled entry in metrics.json.
   */
  readonly adaptBatchNormalisation?: boolean;
}

/** Each corpus's language, from its utterances (a manifest may name several corpora). */
function corpusLanguages(loaded: LoadedCorpora): Record<string, string> {
  return Object.fromEntries(
    loaded.utterances.map((utterance) => [utterance.corpus, utterance.language]),
  );
}

/**
 * The partitions of `split` that belong to the experiment's training and test corpora. A corpus
 * the experiment does not train on (cross-language) is tested on whole: none of its speakers is
 * seen in training, and its test partition alone (one or two speakers) would measure the speaker
 * more than the model.
 */
export function experimentSplit(
  split: DatasetSplit<CachedUtterance>,
  experiment: ExperimentDefinition,
): DatasetSplit<CachedUtterance> {
  const trainedOn = (utterance: CachedUtterance) =>
    experiment.trainCorpora.includes(utterance.corpus);
  const testedOn = (utterance: CachedUtterance) =>
    experiment.testCorpora.includes(utterance.corpus);
  const unseen = [...split.train, ...split.validation].filter(
    (utterance) => testedOn(utterance) && !trainedOn(utterance),
  );
  return {
    train: split.train.filter(trainedOn),
    validation: split.validation.filter(trainedOn),
    test: [...split.test.filter(testedOn), ...unseen],
  };
}

export async function runExperiment(
  loaded: LoadedCorpora,
  split: DatasetSplit<CachedUtterance>,
  experiment: ExperimentDefinition,
  settings: ExperimentSettings,
): Promise<RunDirectory> {
  const { preset, recipe } = settings;
  const data = await prepareExperimentData(
    split,
    loaded.store,
    preset,
    loaded.spec.dimension,
    settings.normalisation,
  );
  const base =
    experiment.kind === "train"
      ? preset.name
      : `${experiment.kind}-${experiment.trainCorpora.join("+")}-${preset.name}`;
  const name =
    settings.split?.kind === "speaker-folds"
      ? `${base}-s${settings.seed}-f${settings.split.fold + 1}`
      : base;
  const run = await createRunDirectory(settings.runsDir, runId(name));
  await withRunStatus(run, async () => {
    const config = {
      command: experiment.kind === "train" ? "train" : "experiment",
      experiment,
      languages: corpusLanguages(loaded),
      preset: preset.name,
      recipe,
      seed: settings.seed,
      split: settings.split ?? { kind: "speaker", seed: settings.seed },
      backend: settings.backend,
      threads: settings.threads,
      languageMixing: settings.languageMixing,
      corpora: settings.corpusOptions.corpora,
      featureSet: loaded.spec.name,
      window: {
        frames: data.window.windowFrames,
        hop: data.window.hopFrames,
        rule: data.window.rule,
      },
      normalisation: settings.normalisation,
      trimSilence: settings.trimSilence ?? "none",
      adaptBatchNormalisation: settings.adaptBatchNormalisation === true,
    } satisfies TrainingRunConfig;
    await run.writeJson("config", config);
    const used = [...split.train, ...split.validation, ...split.test];
    await run.writeJson("data", {
      summary: summariseDataset(used),
      split: splitBalance(split),
    });
    const bar = createTrainingProgressBar(name);
    const trained = await trainModel({
      preset,
      recipe,
      seed: settings.seed,
      train: data.train,
      validation: data.validation,
      baseDimension: staticDimension(loaded.spec),
      workers: settings.threads - 1,
      languageMixing: settings.languageMixing,
      onBatch: (progress) => bar.onBatch(progress),
      onEpoch: (record) => bar.onEpoch(record),
    }).finally(() => bar.stop());
    await run.writeJson("history", {
      selectedEpoch: trained.selectedEpoch,
      stoppedEarly: trained.stoppedEarly,
      epochs: trained.history,
    });
    const metrics: TestSetMetrics[] = [];
    for (const [corpus, windows] of data.tests) {
      const report = await evaluateUtterances(trained.model, windows);
      metrics.push(testSetMetricsFromReport(corpus, "utterance", report));
      if (settings.adaptBatchNormalisation === true && !experiment.trainCorpora.includes(corpus)) {
        const adapted = await withBatchNormalisationAdaptedTo(trained.model, windows, (model) =>
          evaluateUtterances(model, windows),
        );
        metrics.push({
          ...testSetMetricsFromReport(corpus, "utterance", adapted),
          adaptation: "batchnorm",
        });
      }
    }
    await run.writeJson("metrics", metrics);
    await saveModel(trained.model, join(run.path, RUN_FILES.model));
    const card = buildModelCard({
      name: run.id,
      presetName: preset.name,
      recipe,
      spec: loaded.spec,
      data,
      corpora: trainingCorpusSummaries(loaded.corpora, settings.corpusOptions.corpora, split.train),
      // The card describes the saved model, which is the one as trained.
      metrics: metrics.filter((test) => test.adaptation === undefined),
      backend: settings.backend,
      trimSilence: settings.trimSilence ?? "none",
      ...(settings.corpusOptions.emotionTable === undefined
        ? {}
        : { emotionTable: settings.corpusOptions.emotionTable }),
    });
    await run.writeJson("modelCard", card);
    trained.model.dispose();
    for (const test of metrics) {
      const adapted = test.adaptation === undefined ? "" : " (batch norm adapted to it)";
      process.stdout.write(
        `${name} on ${test.testSet}${adapted}: UAR ${test.uar.toFixed(3)}, WA ${test.wa.toFixed(3)} (${test.items} utterances)\n`,
      );
    }
  });
  return run;
}
