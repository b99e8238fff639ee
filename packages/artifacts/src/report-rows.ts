// Finished runs as report rows, one per run and test set: what `trainer report --json` prints and
// what the study table (study-table.ts) is built from, for the report and the dashboard alike.
// Runs that did not finish (running, interrupted, failed) are listed apart and never scored.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { readRunStatus } from "./read-run.js";
import type { RunConfig, RunExperimentKind } from "./run-config.js";
import { readRunJson, requireRunJson } from "./run-json-files.js";
import type { RunMetrics } from "./run-metrics.js";
import type { RunStatus } from "./run-status.js";

export interface ReportRow {
  /** The run's path as given to the report, or its id in the dashboard. */
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

/** A finished run's rows from its config.json and metrics.json. */
export function reportRows(run: string, config: RunConfig, metrics: RunMetrics): ReportRow[] {
  const language = (corpus: string) => config.languages[corpus] ?? "und";
  return metrics.map((test) => ({
    run,
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

/** The rows of the finished runs among `runPaths`; BAD_FILE for a finished run missing a file. */
export async function readReportRows(
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
    const config = requireRunJson(await readRunJson(path, "config"), path, "config");
    const metrics = requireRunJson(await readRunJson(path, "metrics"), path, "metrics");
    rows.push(...reportRows(path, config, metrics));
  }
  return { rows, unfinished };
}
