// `trainer train --corpus ... [--preset P] [--epochs N] [--seed S] [--backend B] [--threads T]`:
// trains one model on all given corpora with validation and test speakers held out, and writes
// the run (config, data summary, history, per-corpus test metrics, model, model card) to
// `<runs>/<id>/`.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseWithSchema, testSetMetricsFromReport } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { addCorpusOptions, parseCorpusOptions } from "../corpora/corpus-options.js";
import { splitBySpeaker } from "../dataset/dataset-split.js";
import { splitBalance, summariseDataset } from "../dataset/dataset-summary.js";
import { trainingCorpusSummaries } from "../experiments/corpus-summaries.js";
import { prepareExperimentData } from "../experiments/experiment-data.js";
import { createExtractionProgress } from "../feature-cache/extraction-progress.js";
import { loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import { DEFAULT_PRESET, getPreset, PRESET_NAMES } from "../models/presets/registry.js";
import { buildModelCard } from "../runs/build-model-card.js";
import { createRunDirectory, runId, withRunStatus } from "../runs/run-directory.js";
import { BACKEND_NAMES, selectBackend } from "../tfjs/backend.js";
import { evaluateUtterances } from "../training/evaluation.js";
import { saveModel } from "../training/model-files.js";
import { trainModel } from "../training/train-model.js";
import { createTrainingProgressBar } from "../training/training-progress-bar.js";

const trainFlagsSchema = z.object({
  preset: z.string(),
  epochs: z.coerce.number().int().positive().optional(),
  seed: z.coerce.number().int(),
  backend: z.enum(["auto", ...BACKEND_NAMES]),
  threads: z.coerce.number().int().positive().optional(),
  runs: z.string(),
});

export function registerTrainCommand(program: Command): void {
  const command = program
    .command("train")
    .description("train one model on all given corpora (validation and test speakers held out)");
  addCorpusOptions(command)
    .option("--preset <name>", `model preset: ${PRESET_NAMES.join(", ")}`, DEFAULT_PRESET)
    .option("--epochs <n>", "epochs (default: the preset's)")
    .option("--seed <n>", "seed of the split, initial weights, dropout and batch order", "1")
    .option("--backend <name>", `tfjs backend: auto, ${BACKEND_NAMES.join(", ")}`, "auto")
    .option("--threads <n>", "training threads, data-parallel (default: one per core)")
    .option("--runs <dir>", "directory the run is written under", "runs")
    .action(async (flags: Record<string, unknown>) => {
      // The preset decides the feature set unless --features was given explicitly.
      const featuresGiven = command.getOptionValueSource("features") !== "default";
      const trainFlags = parseWithSchema(trainFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      const preset = getPreset(trainFlags.preset);
      const corpusOptions = parseCorpusOptions(
        featuresGiven ? flags : { ...flags, features: preset.featureSet },
      );
      await runTraining(corpusOptions, trainFlags, preset.name);
    });
}

async function runTraining(
  corpusOptions: ReturnType<typeof parseCorpusOptions>,
  flags: z.infer<typeof trainFlagsSchema>,
  presetName: string,
): Promise<void> {
  const preset = getPreset(presetName);
  const backend = await selectBackend(flags.backend);
  const threads = flags.threads ?? availableParallelism();
  process.stdout.write(`backend: ${backend}; training threads: ${threads}\n`);
  const loaded = await loadCachedCorpora({
    ...corpusOptions,
    progress: createExtractionProgress(),
  });
  const split = splitBySpeaker(loaded.utterances, flags.seed);
  const data = await prepareExperimentData(split, loaded.store, preset, loaded.spec.dimension);
  await loaded.store.close();
  const run = await createRunDirectory(flags.runs, runId(preset.name));
  await withRunStatus(run, async () => {
    const recipe = {
      ...preset.recipe,
      ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }),
    };
    await run.writeJson("config.json", {
      command: "train",
      preset: preset.name,
      recipe,
      seed: flags.seed,
      backend,
      threads,
      corpora: corpusOptions.corpora,
      featureSet: loaded.spec.name,
      window: { frames: data.windowFrames, hop: data.hopFrames, rule: data.windowRule },
      normalisation: preset.normalisation,
    });
    await run.writeJson("data.json", {
      summary: summariseDataset(loaded.utterances),
      split: splitBalance(split),
    });
    const bar = createTrainingProgressBar(preset.name);
    const trained = await trainModel({
      preset,
      recipe,
      seed: flags.seed,
      train: data.train,
      validation: data.validation,
      baseDimension: loaded.spec.name.endsWith("_d_a")
        ? loaded.spec.dimension / 3
        : loaded.spec.dimension,
      workers: threads - 1,
      onBatch: (progress) => bar.onBatch(progress),
      onEpoch: (record) => bar.onEpoch(record),
    }).finally(() => bar.stop());
    await run.writeJson("history.json", {
      selectedEpoch: trained.selectedEpoch,
      stoppedEarly: trained.stoppedEarly,
      epochs: trained.history,
    });
    const metrics = [...data.tests].map(([corpus, windows]) =>
      testSetMetricsFromReport(corpus, "utterance", evaluateUtterances(trained.model, windows)),
    );
    await run.writeJson("metrics.json", metrics);
    await saveModel(trained.model, join(run.path, "model"));
    const card = buildModelCard({
      name: run.id,
      presetName: preset.name,
      recipe,
      spec: loaded.spec,
      data,
      corpora: trainingCorpusSummaries(loaded.corpora, corpusOptions.corpora, split.train),
      metrics,
      backend,
    });
    await run.writeJson("model-card.json", card);
    for (const test of metrics) {
      process.stdout.write(
        `test ${test.testSet}: UAR ${test.uar.toFixed(3)}, WA ${test.wa.toFixed(3)} (${test.items} utterances)\n`,
      );
    }
    process.stdout.write(`run written to ${run.path}\n`);
  });
}
