// The live tests need a real exported model. Unless EMOTION_STREAM_E2E_MODEL names one, the setup
// makes one with the built trainer, as a user would: a tiny synthetic corpus, one epoch of the
// study's CNN, `export --verify`. It is kept under .e2e/ and reused by the next run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { RUN_FILES } from "@emotion-stream/artifacts";
import { E2E_DIR, TRAINER_CLI } from "./e2e-environment.js";

const MODEL_DIR = join(E2E_DIR, "model");

/** Where the trainer writes the live model's training run (also shown on the Runs pages). */
export const TRAINER_RUNS_DIR = join(MODEL_DIR, "runs");

/** Makes sure EMOTION_STREAM_E2E_MODEL names a model; returns why not when the trainer is not built. */
export async function ensureLiveModel(): Promise<string | undefined> {
  const given = process.env.EMOTION_STREAM_E2E_MODEL;
  if (given !== undefined)
    return existsSync(given) ? undefined : `EMOTION_STREAM_E2E_MODEL=${given} does not exist`;
  if (!existsSync(TRAINER_CLI)) return `the trainer is not built (${TRAINER_CLI}): run pnpm build`;
  const runs = TRAINER_RUNS_DIR;
  const existing = await exportedModel(runs);
  if (existing !== undefined) {
    process.env.EMOTION_STREAM_E2E_MODEL = existing;
    return undefined;
  }
  await rm(MODEL_DIR, { recursive: true, force: true });
  const corpus = join(MODEL_DIR, "corpus");
  const trainer = (...args: string[]) =>
    execFileSync(process.execPath, [TRAINER_CLI, ...args], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  console.log(
    "[dashboard e2e] training a small model for the live tests (tiny synthetic corpus, 1 epoch)",
  );
  trainer("synth-corpus", "--out", corpus, "--speakers", "2", "--utterances", "3");
  trainer(
    "train",
    ...["--corpus", `manifest:${corpus}`, "--preset", "paper", "--epochs", "1"],
    ...["--runs", runs, "--cache", join(MODEL_DIR, "features")],
  );
  const [run] = await readdir(runs);
  if (run === undefined) throw new Error(`trainer train wrote no run under ${runs}`);
  trainer("export", join(runs, run), "--verify");
  const model = await exportedModel(runs);
  if (model === undefined)
    throw new Error(`trainer export wrote no ${RUN_FILES.onnx} under ${runs}`);
  process.env.EMOTION_STREAM_E2E_MODEL = model;
  return undefined;
}

async function exportedModel(runs: string): Promise<string | undefined> {
  if (!existsSync(runs)) return undefined;
  for (const run of await readdir(runs)) {
    const path = join(runs, run, RUN_FILES.onnx);
    if (existsSync(path)) return path;
  }
  return undefined;
}
