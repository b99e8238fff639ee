// The model the demo serves: the one given with --model, or the one trained earlier with the same
// corpora and settings (kept under the cache directory), or else a new one: generate the synthetic
// corpus, `trainer train`, `trainer export --verify`. A model is cached only once it has been
// exported and verified, so an interrupted first start trains again next time.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { RUN_FILES } from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import type { ChildSupervisor } from "./child-supervisor.js";
import type { DemoOptions } from "./demo-options.js";
import type { RepositoryLayout } from "./repository-layout.js";
import type { StepLog } from "./step-log.js";
import { synthCorpusStep, trainerStep } from "./trainer-steps.js";

export interface DemoModel {
  readonly path: string;
  /** The training run it came from, when the demo trained it. */
  readonly runDirectory?: string;
  readonly trainedNow: boolean;
}

export interface DemoModelContext {
  readonly options: DemoOptions;
  readonly layout: RepositoryLayout;
  readonly supervisor: ChildSupervisor;
  readonly log: StepLog;
}

/** Where the trainer writes runs; the dashboard lists them. */
export function demoRunsDirectory(options: DemoOptions): string {
  return join(options.cacheDir, "runs");
}

/** The cached model of these options: one per corpus choice, size, epochs and preset. */
export function cachedModelPath(options: DemoOptions): string {
  const recipe = {
    corpora: options.corpora.length > 0 ? options.corpora : { synthetic: options.synthetic },
    epochs: options.epochs ?? null,
    preset: options.preset ?? null,
  };
  const key = createHash("sha256").update(JSON.stringify(recipe)).digest("hex").slice(0, 12);
  return join(options.cacheDir, "models", key, "model.onnx");
}

export async function prepareDemoModel(context: DemoModelContext): Promise<DemoModel> {
  const { options, log } = context;
  if (options.model !== undefined) {
    log.step(`model: ${options.model} (given with --model)`);
    if (!existsSync(options.model)) {
      throw new EmotionStreamError("MODEL_NOT_FOUND", "the --model file does not exist", {
        file: options.model,
      });
    }
    log.done();
    return { path: options.model, trainedNow: false };
  }
  const path = cachedModelPath(options);
  if (existsSync(path) && !options.retrain) {
    log.step("model: reusing the one trained before (--retrain trains again)");
    log.done(path);
    return { path, trainedNow: false };
  }
  const corpora = options.corpora.length > 0 ? options.corpora : [await synthesiseCorpus(context)];
  const runDirectory = await train(context, corpora);
  log.step("export the model to ONNX and verify it against the trained model");
  await context.supervisor.run(
    trainerStep(context.layout, "trainer export", ["export", runDirectory, "--verify"]),
  );
  await mkdir(join(path, ".."), { recursive: true });
  await copyFile(join(runDirectory, RUN_FILES.onnx), `${path}.tmp`);
  await rename(`${path}.tmp`, path);
  log.done(path);
  return { path, runDirectory, trainedNow: true };
}

async function synthesiseCorpus({
  options,
  layout,
  supervisor,
  log,
}: DemoModelContext): Promise<string> {
  const directory = join(options.cacheDir, "corpus");
  const { speakers, utterances } = options.synthetic;
  log.step(
    `generate the default corpus: synthetic speech, ${speakers} speakers per language style`,
  );
  await supervisor.run(synthCorpusStep(layout, { out: directory, seed: 1, speakers, utterances }));
  log.done();
  return `manifest:${directory}`;
}

/** Runs `trainer train` and returns the run directory it created. */
async function train(context: DemoModelContext, corpora: readonly string[]): Promise<string> {
  const { options, layout, supervisor, log } = context;
  const runs = demoRunsDirectory(options);
  await mkdir(runs, { recursive: true });
  const before = new Set(await readdir(runs));
  log.step(`train the ${options.preset ?? "default"} model on ${corpora.join(", ")}`);
  const args = [
    "train",
    ...corpora.flatMap((corpus) => ["--corpus", corpus]),
    "--runs",
    runs,
    "--cache",
    join(options.cacheDir, "features"),
    ...(options.epochs === undefined ? [] : ["--epochs", String(options.epochs)]),
    ...(options.preset === undefined ? [] : ["--preset", options.preset]),
  ];
  await supervisor.run(trainerStep(layout, "trainer train", args));
  const created = (await readdir(runs)).filter((name) => !before.has(name));
  if (created.length !== 1) {
    throw new EmotionStreamError(
      "RUN_NOT_FOUND",
      `trainer train left ${created.length} new runs, expected 1`,
      {
        file: runs,
      },
    );
  }
  log.done(join(runs, created[0] as string));
  return join(runs, created[0] as string);
}
