// One measurement of `pnpm bench train --memory`, in a process of its own so its peak resident
// memory is its own: writes a synthetic feature-cache corpus, trains the paper CNN on it through
// the trainer's data path (split, read cache, windows, batches, gradient workers), scores the
// test partition, and prints one JSON line.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitBySpeaker } from "../src/dataset/dataset-split.js";
import { prepareExperimentData } from "../src/experiments/experiment-data.js";
import { FeatureStore } from "../src/feature-cache/feature-store.js";
import { getPreset } from "../src/models/presets/registry.js";
import { type BackendChoice, selectBackend } from "../src/tfjs/backend.js";
import { evaluateUtterances } from "../src/training/evaluation.js";
import { trainModel } from "../src/training/train-model.js";
import { type SyntheticCorpus, writeSyntheticCache } from "./synthetic-feature-cache.js";

export interface MemoryRun {
  readonly corpus: SyntheticCorpus;
  readonly epochs: number;
  readonly workers: number;
  readonly backend: BackendChoice;
  /** Read cache budget; null: unbounded (every utterance stays resident, as before streaming). */
  readonly readCacheBytes: number | null;
}

export interface MemoryResult {
  readonly utterances: number;
  readonly featureBytes: number;
  readonly trainWindows: number;
  readonly windowsPerSecond: number;
  readonly testUar: number;
  readonly peakRssBytes: number;
  readonly seconds: number;
}

async function measure(run: MemoryRun): Promise<MemoryResult> {
  const started = performance.now();
  await selectBackend(run.backend);
  const file = join(tmpdir(), `emotion-stream-bench-memory-${process.pid}.bin`);
  const store = new FeatureStore();
  try {
    const { utterances, bytes } = await writeSyntheticCache(file, run.corpus);
    const preset = getPreset("paper");
    const data = await prepareExperimentData(
      splitBySpeaker(utterances, run.corpus.seed),
      store,
      preset,
      run.corpus.dimension,
      "global",
      run.readCacheBytes ?? Number.POSITIVE_INFINITY,
    );
    const trained = await trainModel({
      preset,
      recipe: { epochs: run.epochs },
      seed: run.corpus.seed,
      train: data.train,
      validation: data.validation,
      workers: run.workers,
    });
    const [test] = data.tests.values();
    const report = test === undefined ? undefined : await evaluateUtterances(trained.model, test);
    const { history } = trained;
    return {
      utterances: utterances.length,
      featureBytes: bytes,
      trainWindows: data.train.count,
      windowsPerSecond:
        history.reduce((sum, epoch) => sum + epoch.windowsPerSecond, 0) / history.length,
      testUar: report?.uar ?? Number.NaN,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
    await rm(file, { force: true });
  }
}

const run = JSON.parse(process.argv[2] ?? "{}") as MemoryRun;
try {
  process.stdout.write(`${JSON.stringify(await measure(run))}\n`);
} catch (error) {
  // One line for the parent to quote.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
