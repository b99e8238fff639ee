// `trainer evaluate --model <run dir | model.onnx> --corpus <adapter>:<path> [--corpus ...]`:
// evaluates a trained model on any corpus with the features, window rule, normalisation, label
// table and aggregation of its model card (never from flags that could disagree with it), and
// writes an evaluation run to `<runs>/<id>/` in the training runs' layout (experiment "evaluate").
import { resolve } from "node:path";
import type { EvaluationRunData } from "@emotion-stream/artifacts";
import { EmotionStreamError, parseWithSchema } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { addCorpusOptions, parseCorpusOptions } from "../corpora/corpus-options.js";
import type { CorporaEvaluation } from "../evaluation/evaluate-corpora.js";
import { evaluateModel } from "../evaluation/evaluate-model.js";
import { createExtractionProgress } from "../feature-cache/extraction-progress.js";
import { BACKEND_NAMES } from "../tfjs/backend.js";

const evaluateFlagsSchema = z.object({
  model: z.string().min(1),
  backend: z.enum(["auto", ...BACKEND_NAMES]),
  runs: z.string(),
  adaptBatchnorm: z.boolean().optional(),
});

export function registerEvaluateCommand(program: Command): void {
  const command = program
    .command("evaluate")
    .description(
      "evaluate a trained model (run directory or .onnx) on any corpus, as training scores its tests",
    );
  addCorpusOptions(command)
    .requiredOption(
      "--model <run-dir|file.onnx>",
      "training run directory (tfjs) or exported ONNX file",
    )
    .option(
      "--backend <name>",
      `tfjs backend for a run's model: auto, ${BACKEND_NAMES.join(", ")}`,
      "auto",
    )
    .option("--runs <dir>", "directory the evaluation run is written under", "runs")
    .option(
      "--adapt-batchnorm",
      "re-estimate the model's batch-norm statistics on each (unlabelled) test corpus before scoring it (AdaBN); needs a run directory",
    )
    .action(async (flags: Record<string, unknown>) => {
      if (command.getOptionValueSource("features") !== "default") {
        throw new EmotionStreamError(
          "BAD_ARGUMENT",
          "evaluate takes the feature set from the model card",
          { file: "command line", field: "--features" },
        );
      }
      const evaluateFlags = parseWithSchema(evaluateFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      // --labels restricts the model card's emotion table, not the default one.
      const { labels, emotionTable: _default, ...corpusOptions } = parseCorpusOptions(flags);
      const { run, evaluation, skipped } = await evaluateModel({
        modelPath: resolve(evaluateFlags.model),
        corpusOptions,
        runsDir: evaluateFlags.runs,
        backend: evaluateFlags.backend,
        ...(labels === undefined ? {} : { labels }),
        ...(evaluateFlags.adaptBatchnorm === true ? { adaptation: "batchnorm" as const } : {}),
        progress: createExtractionProgress(),
        onModel: (card, runtime) =>
          process.stdout.write(`evaluating ${card.name} (${card.preset.name}) on ${runtime}\n`),
      });
      printSkipped(skipped);
      printEvaluation(evaluation);
      process.stdout.write(`run written to ${run.path}\n`);
    });
  // The card decides the feature set; the shared corpus flag stays out of this command's help.
  command.options.find((option) => option.long === "--features")?.hideHelp();
}

function printEvaluation(evaluation: CorporaEvaluation): void {
  process.stdout.write(`normalisation: ${evaluation.normalisation}\n`);
  for (const { testSet, metrics } of evaluation.testSets) {
    const recalls = Object.entries(metrics.perClassRecall)
      .map(([name, recall]) => `${name} ${recall === null ? "-" : recall.toFixed(3)}`)
      .join(", ");
    const adapted = metrics.adaptation === undefined ? "" : " (batch norm adapted to it)";
    process.stdout.write(
      `test ${testSet}${adapted}: UAR ${metrics.uar.toFixed(3)}, WA ${metrics.wa.toFixed(3)}, ` +
        `macro-F1 ${metrics.macroF1.toFixed(3)} (${metrics.items} utterances; recall ${recalls})\n`,
    );
  }
}

function printSkipped(skipped: EvaluationRunData["skipped"]): void {
  for (const { corpus, labels, unreadableFiles, otherReasons } of skipped) {
    const counts = (record: Record<string, number>) =>
      Object.entries(record).map(([name, count]) => `${name} ${count}`);
    const parts = [
      ...counts(labels).map((entry) => `label ${entry}`),
      ...counts(otherReasons),
      ...(unreadableFiles.length > 0 ? [`unreadable files ${unreadableFiles.length}`] : []),
    ];
    if (parts.length > 0) process.stdout.write(`skipped in ${corpus}: ${parts.join(", ")}\n`);
    for (const { file, message } of unreadableFiles) {
      process.stdout.write(`  unreadable: ${file}: ${message}\n`);
    }
  }
}
