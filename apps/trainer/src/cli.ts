#!/usr/bin/env node
// The trainer's command line. Each subcommand lives in commands/<name>.ts and registers itself
// here with one import and one call. Errors of ours print one line (`error CODE: message`) and
// exit 1; the stack only with --verbose.
import { isEmotionStreamError } from "@emotion-stream/core";
import { Command } from "commander";
import { registerDataCommand } from "./commands/data.js";
import { registerEvaluateCommand } from "./commands/evaluate.js";
import { registerExperimentCommand } from "./commands/experiment.js";
import { registerExportCommand } from "./commands/export.js";
import { registerReportCommand } from "./commands/report.js";
import { registerSynthCorpusCommand } from "./commands/synth-corpus.js";
import { registerTrainCommand } from "./commands/train.js";

const program = new Command("emotion-trainer")
  .description("Ingest corpora, extract features, train and evaluate the emotion CNN")
  .option("--verbose", "print stack traces with errors")
  .showHelpAfterError();

registerDataCommand(program);
registerEvaluateCommand(program);
registerExportCommand(program);
registerSynthCorpusCommand(program);
registerTrainCommand(program);
registerExperimentCommand(program);
registerReportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
  if (isEmotionStreamError(error)) {
    process.stderr.write(`error ${error.describe()}\n`);
    if (verbose && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (verbose && error instanceof Error && error.stack !== undefined) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  process.exitCode = 1;
}
