// Test fixture: a tiny model trained by the real `trainer train` (from source, one epoch, one
// thread) on a corpus, and its ONNX export written by the exporter.
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  exportRunToOnnx,
  loadRun,
  RUN_ONNX_FILE,
  writeOnnxFile,
} from "../onnx-export/export-run.js";

const run = promisify(execFile);
const trainerRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the trainer CLI from source; rejects with its stderr on a non-zero exit. */
export function runTrainerCli(args: readonly string[]) {
  return run("node", ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: trainerRoot,
    encoding: "utf8",
  });
}

export interface TrainedTestRun {
  readonly runDirectory: string;
  readonly onnxFile: string;
}

export async function trainTestRun(
  corpusArgument: string,
  directory: string,
  preset = "paper",
): Promise<TrainedTestRun> {
  const runs = join(directory, "train-runs");
  await runTrainerCli([
    "train",
    "--corpus",
    corpusArgument,
    "--preset",
    preset,
    "--epochs",
    "1",
    "--threads",
    "1",
    "--workers",
    "0",
    "--cache",
    join(directory, "cache"),
    "--runs",
    runs,
  ]);
  const [id] = await readdir(runs);
  const runDirectory = join(runs, id as string);
  const loaded = await loadRun(runDirectory);
  const onnxFile = join(runDirectory, RUN_ONNX_FILE);
  await writeOnnxFile(onnxFile, exportRunToOnnx(loaded, "test"));
  loaded.model.dispose();
  return { runDirectory, onnxFile };
}
