// Run files for the package's tests, written through the package's own typed writer: a training
// run's config and metrics as `trainer experiment` writes them, with the fields a test varies.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeRunJson } from "../src/run-json-files.js";
import type { RunTestSetMetrics } from "../src/run-metrics.js";
import type { RunStatus } from "../src/run-status.js";
import type { TrainingRunConfig } from "../src/training-run-config.js";

export function trainingConfig(overrides: Partial<TrainingRunConfig> = {}): TrainingRunConfig {
  return {
    command: "experiment",
    experiment: { kind: "mono", trainCorpora: ["ravdess"], testCorpora: ["ravdess"] },
    languages: { ravdess: "en" },
    preset: "paper",
    recipe: { learningRate: 0.001 },
    seed: 1,
    split: { kind: "speaker", seed: 1 },
    backend: "wasm",
    threads: 2,
    languageMixing: { kind: "mixed" },
    corpora: [{ adapter: "ravdess", path: "/corpora/ravdess" }],
    featureSet: "mfcc0_12",
    window: { frames: 300, hop: 50, rule: { kind: "fixed" } },
    normalisation: "l2-frame",
    trimSilence: "none",
    adaptBatchNormalisation: false,
    ...overrides,
  };
}

export function testSetMetrics(
  testSet: string,
  uar: number,
  overrides: Partial<RunTestSetMetrics> = {},
): RunTestSetMetrics {
  return {
    testSet,
    level: "utterance",
    items: 10,
    uar,
    wa: uar,
    macroF1: uar,
    perClassRecall: { joy: uar, anger: uar, sadness: null, pleasure: uar },
    confusion: [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ],
    ...overrides,
  };
}

/** A run directory `<dir>/<id>` with its status and, for a run that got that far, config and metrics. */
export async function writeRun(
  dir: string,
  id: string,
  files: {
    readonly status?: RunStatus["status"];
    readonly config?: TrainingRunConfig;
    readonly metrics?: readonly RunTestSetMetrics[];
  } = {},
): Promise<string> {
  const path = join(dir, id);
  await mkdir(path, { recursive: true });
  await writeRunJson(path, "config", files.config ?? trainingConfig());
  if (files.metrics !== undefined) await writeRunJson(path, "metrics", files.metrics);
  await writeRunJson(path, "status", {
    status: files.status ?? "finished",
    updatedAt: "2026-11-25T10:00:00.000Z",
  });
  return path;
}
