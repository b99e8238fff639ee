#!/usr/bin/env node
// `pnpm start`: the live demo. Flags are parsed at the edge into DemoOptions; everything else is in
// run-demo.ts. Errors of ours print one line.
import { isEmotionStreamError } from "@emotion-stream/core";
import { Command } from "commander";
import { parseDemoOptions } from "./demo-options.js";
import { runDemo } from "./run-demo.js";

const program = new Command("emotion-stream-demo")
  .description(
    "Live demo: train the default model on synthetic speech once (cached), then run the stream server, the dashboard and a real-time producer of held-out speech",
  )
  .option("--model <file.onnx>", "serve this exported model instead of the cached or trained one")
  .option(
    "--corpus <adapter:path[:language]>",
    "train on this corpus instead of the synthetic one (repeatable; see `pnpm trainer data --help`)",
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .option(
    "--play <manifest.csv>",
    "stream the utterances of this manifest (path,speaker,emotion columns) instead of held-out synthetic speech",
  )
  .option("--port <n>", "stream server port", "8080")
  .option("--dashboard-port <n>", "dashboard port", "3000")
  .option("--no-dashboard", "run without the dashboard")
  .option("--host <host>", "interface the server and dashboard listen on", "127.0.0.1")
  .option("--cache <dir>", "where the corpus, runs, model and logs are kept", ".cache/demo")
  .option("--retrain", "train again even when a cached model exists")
  .option("--speakers <n>", "synthetic corpus: speakers per language style", "8")
  .option("--utterances <n>", "synthetic corpus: utterances per speaker and emotion", "8")
  .option("--epochs <n>", "training epochs (default: the preset's)")
  .option("--preset <name>", "model preset (default: the trainer's)")
  .option("--no-build-apps", "do not build the trainer, server and dashboard first")
  .action(async (flags: Record<string, unknown>) => {
    process.exitCode = await runDemo(parseDemoOptions(flags));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = isEmotionStreamError(error)
    ? error.describe()
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`error ${message}\n`);
  process.exitCode = 1;
}
// The producer's socket and timers would keep the process alive after a stop.
process.exit();
