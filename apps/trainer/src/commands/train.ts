// `trainer train --corpus ... [--preset P] [--epochs N] [--seed S] [--backend B] [--threads T]`:
// trains one model on all given corpora with validation and test speakers held out, and writes
// the run (config, data summary, history, per-corpus test metrics, model, model card) to
// `<runs>/<id>/`.
import type { Command } from "commander";
import { splitBySpeaker } from "../dataset/dataset-split.js";
import { addTrainingOptions, prepareTraining } from "../experiments/experiment-options.js";
import { runExperiment } from "../experiments/run-experiment.js";

export function registerTrainCommand(program: Command): void {
  const command = program
    .command("train")
    .description("train one model on all given corpora (validation and test speakers held out)");
  addTrainingOptions(command).action(async (flags: Record<string, unknown>) => {
    const { loaded, settings } = await prepareTraining(flags);
    try {
      const split = splitBySpeaker(loaded.utterances, settings.seed);
      const corpora = loaded.corpora.map((corpus) => corpus.corpus);
      const run = await runExperiment(
        loaded,
        split,
        { kind: "train", trainCorpora: corpora, testCorpora: corpora },
        settings,
      );
      process.stdout.write(`run written to ${run.path}\n`);
    } finally {
      await loaded.store.close();
    }
  });
}
