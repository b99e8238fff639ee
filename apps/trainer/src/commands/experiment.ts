// `trainer experiment --plan study --corpus A --corpus B [--only mono,cross] [--seeds 1,2,3]
// [--folds k]`: the study's table — mono-lingual, multi-lingual and cross-language runs — over one
// speaker split per seed, or over k speaker folds per seed (every speaker tested once), each
// written as its own run; `trainer report` lays them out as mean ± sd per cell.
import { parseWithSchema } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { addTrainingOptions, prepareTraining } from "../experiments/experiment-options.js";
import { experimentSplits, splitLabel } from "../experiments/experiment-splits.js";
import { experimentSplit, runExperiment } from "../experiments/run-experiment.js";
import { EXPERIMENT_KINDS, studyPlan } from "../experiments/study-plan.js";
import { type ModelPreset, nominalWindowFrames } from "../models/model-preset.js";
import { assertAdaptable } from "../training/batchnorm-adaptation.js";

/** A preset without batch normalisation has nothing to adapt. */
function assertPresetAdaptable(preset: ModelPreset): void {
  // Any input shape will do: only which layers the network has matters.
  const network = preset.build({ frames: nominalWindowFrames(preset), dimension: 13, classes: 4 });
  try {
    assertAdaptable(network, preset.name);
  } finally {
    network.dispose();
  }
}

const experimentFlagsSchema = z.object({
  plan: z.literal("study"),
  only: z
    .string()
    .transform((list) => list.split(",").map((kind) => kind.trim()))
    .pipe(z.array(z.enum(EXPERIMENT_KINDS)).min(1))
    .optional(),
  seeds: z
    .string()
    .regex(/^\s*-?\d+\s*(,\s*-?\d+\s*)*$/, "a comma-separated list of integers")
    .transform((list) => list.split(",").map(Number))
    .optional(),
  folds: z.coerce.number().int().min(3).optional(),
  adaptBatchnorm: z.boolean().optional(),
});

export function registerExperimentCommand(program: Command): void {
  const command = program
    .command("experiment")
    .description("run the study's experiments: mono-lingual, multi-lingual, cross-language");
  addTrainingOptions(command)
    .option("--plan <name>", "experiment plan (study)", "study")
    .option("--only <kinds>", `comma-separated subset of ${EXPERIMENT_KINDS.join(", ")}`)
    .option(
      "--seeds <list>",
      "comma-separated seeds, one split (or set of folds) each; overrides --seed",
    )
    .option(
      "--folds <k>",
      "k speaker folds per seed (k >= 3), each tested once, instead of one 80/10/10 split",
    )
    .option(
      "--adapt-batchnorm",
      "also score each corpus a run did not train on after re-estimating the batch-norm statistics on its unlabelled windows (AdaBN); reported as its own column",
    )
    .action(async (flags: Record<string, unknown>) => {
      const experimentFlags = parseWithSchema(experimentFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      const adaptBatchNormalisation = experimentFlags.adaptBatchnorm === true;
      const { loaded, settings } = await prepareTraining(
        flags,
        adaptBatchNormalisation ? assertPresetAdaptable : undefined,
      );
      try {
        // By the utterances' corpus names: a manifest may hold several corpora.
        const corpora = [...new Set(loaded.utterances.map((utterance) => utterance.corpus))];
        const plan = studyPlan(corpora, experimentFlags.only ?? EXPERIMENT_KINDS);
        const splits = experimentSplits(
          loaded.utterances,
          experimentFlags.seeds ?? [settings.seed],
          experimentFlags.folds,
        );
        const total = plan.length * splits.length;
        let index = 0;
        for (const { description, split } of splits) {
          for (const experiment of plan) {
            index += 1;
            process.stdout.write(
              `experiment ${index}/${total}: ${experiment.kind}, train ${experiment.trainCorpora.join("+")}, test ${experiment.testCorpora.join(", ")}, ${splitLabel(description)}\n`,
            );
            const run = await runExperiment(
              loaded,
              experimentSplit(split, experiment),
              experiment,
              { ...settings, seed: description.seed, split: description, adaptBatchNormalisation },
            );
            process.stdout.write(`run written to ${run.path}\n`);
          }
        }
      } finally {
        await loaded.store.close();
      }
    });
}
