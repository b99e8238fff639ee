// `trainer experiment --plan study --corpus A --corpus B [--only mono,cross]`: the study's table —
// mono-lingual, multi-lingual and cross-language runs over one speaker split of all corpora —
// each written as its own run; `trainer report` lays them out.
import { parseWithSchema } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { splitBySpeaker } from "../dataset/dataset-split.js";
import { addTrainingOptions, prepareTraining } from "../experiments/experiment-options.js";
import { experimentSplit, runExperiment } from "../experiments/run-experiment.js";
import { EXPERIMENT_KINDS, studyPlan } from "../experiments/study-plan.js";

const experimentFlagsSchema = z.object({
  plan: z.literal("study"),
  only: z
    .string()
    .transform((list) => list.split(",").map((kind) => kind.trim()))
    .pipe(z.array(z.enum(EXPERIMENT_KINDS)).min(1))
    .optional(),
});

export function registerExperimentCommand(program: Command): void {
  const command = program
    .command("experiment")
    .description("run the study's experiments: mono-lingual, multi-lingual, cross-language");
  addTrainingOptions(command)
    .option("--plan <name>", "experiment plan (study)", "study")
    .option("--only <kinds>", `comma-separated subset of ${EXPERIMENT_KINDS.join(", ")}`)
    .action(async (flags: Record<string, unknown>) => {
      const experimentFlags = parseWithSchema(experimentFlagsSchema, flags, "BAD_ARGUMENT", {
        file: "command line",
      });
      const { loaded, settings } = await prepareTraining(command, flags);
      try {
        const split = splitBySpeaker(loaded.utterances, settings.seed);
        const corpora = loaded.corpora.map((corpus) => corpus.corpus);
        const plan = studyPlan(corpora, experimentFlags.only ?? EXPERIMENT_KINDS);
        for (const [index, experiment] of plan.entries()) {
          process.stdout.write(
            `experiment ${index + 1}/${plan.length}: ${experiment.kind}, train ${experiment.trainCorpora.join("+")}, test ${experiment.testCorpora.join(", ")}\n`,
          );
          const run = await runExperiment(
            loaded,
            experimentSplit(split, experiment),
            experiment,
            settings,
          );
          process.stdout.write(`run written to ${run.path}\n`);
        }
      } finally {
        await loaded.store.close();
      }
    });
}
