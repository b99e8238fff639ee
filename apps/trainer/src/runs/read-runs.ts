// Finished runs as report rows, one per run and test set. Runs that did not finish (running,
// interrupted, failed) are listed apart and never scored.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  EmotionStreamError,
  parseWithSchema,
  QUADRANT_CLASSES,
  type RunExperimentKind,
  runConfigSchema,
  testSetMetricsSchema,
} from "@emotion-stream/core";
import { z } from "zod";
import { splitDescriptionSchema } from "../experiments/experiment-splits.js";
import { RUN_STATUS_FILE, type RunStatus, readRunStatus } from "./run-directory.js";

const trainerRunConfigSchema = runConfigSchema.extend({
  /** Absent in runs written before folds existed: a speaker split by `seed`. */
  split: splitDescriptionSchema.optional(),
});

export interface ReportRow {
  readonly run: string;
  readonly experiment: RunExperimentKind;
  readonly preset: string;
  /** Null for evaluation runs. */
  readonly seed: number | null;
  /** 0-based test fold of a k-fold run; null for a single speaker split and evaluation runs. */
  readonly fold: number | null;
  readonly trainCorpora: readonly string[];
  readonly trainLanguages: readonly string[];
  readonly testCorpus: string;
  readonly testLanguage: string;
  readonly uar: number;
  readonly wa: number;
  readonly macroF1: number;
  /** Keyed by class name; null for a class absent from the test set. */
  readonly perClassRecall: Record<string, number | null>;
  /** Rows true class, columns predicted, in QUADRANT_CLASSES order. */
  readonly confusion: number[][];
  /** `batchnorm`: scored with batch-norm statistics re-estimated on the test set (AdaBN). */
  readonly adaptation: "batchnorm" | null;
}

export interface UnfinishedRun {
  readonly run: string;
  readonly status: RunStatus["status"];
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    throw new EmotionStreamError(
      "BAD_FILE",
      "a run file is missing or not JSON",
      { file },
      { cause },
    );
  }
}

/** Run directories among `paths`: each path is a run itself or a directory of runs. */
export async function findRunDirectories(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (!(await isDirectory(path))) {
      throw new EmotionStreamError("RUN_NOT_FOUND", "no such run or runs directory", {
        file: path,
      });
    }
    if (await isFile(join(path, RUN_STATUS_FILE))) {
      found.push(path);
      continue;
    }
    for (const entry of (await readdir(path)).sort()) {
      if (await isFile(join(path, entry, RUN_STATUS_FILE))) found.push(join(path, entry));
    }
  }
  return found;
}

export async function readRuns(
  runPaths: readonly string[],
): Promise<{ rows: ReportRow[]; unfinished: UnfinishedRun[] }> {
  const rows: ReportRow[] = [];
  const unfinished: UnfinishedRun[] = [];
  for (const path of runPaths) {
    const { status } = await readRunStatus(path);
    if (status !== "finished") {
      unfinished.push({ run: path, status });
      continue;
    }
    rows.push(...(await runRows(path)));
  }
  return { rows, unfinished };
}

async function runRows(path: string): Promise<ReportRow[]> {
  const configFile = join(path, "config.json");
  const metricsFile = join(path, "metrics.json");
  const config = parseWithSchema(trainerRunConfigSchema, await readJson(configFile), "BAD_FILE", {
    file: configFile,
  });
  const metrics = parseWithSchema(
    z.array(testSetMetricsSchema),
    await readJson(metricsFile),
    "BAD_FILE",
    {
      file: metricsFile,
    },
  );
  const language = (corpus: string) => config.languages[corpus] ?? "und";
  return metrics.map((test) => ({
    run: path,
    experiment: config.experiment.kind,
    preset: config.preset,
    seed: config.seed ?? null,
    fold: config.split?.kind === "speaker-folds" ? config.split.fold : null,
    trainCorpora: config.experiment.trainCorpora,
    trainLanguages: config.experiment.trainCorpora.map(language),
    testCorpus: test.testSet,
    testLanguage: language(test.testSet),
    uar: test.uar,
    wa: test.wa,
    macroF1: test.macroF1,
    perClassRecall: Object.fromEntries(
      QUADRANT_CLASSES.map((name) => [name, test.perClassRecall[name] ?? null]),
    ),
    confusion: test.confusion,
    adaptation: test.adaptation ?? null,
  }));
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}
