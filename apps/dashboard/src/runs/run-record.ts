// The dashboard's view of one trainer run, whatever files it was read from: what was trained on
// what, how it did on each test set, and how training went. Pages and shaping code use only this.
// Types only from the artifacts package: client components import this file, and the package's
// code reads the disk (node:fs), which a browser bundle cannot hold.
import type {
  ReportRow,
  RunData,
  RunHistoryEpoch,
  RunStatus as RunStatusFile,
} from "@emotion-stream/artifacts";
import type { QuadrantClass } from "@emotion-stream/core";

export type RunStatus = RunStatusFile["status"];

export interface CorpusLanguage {
  readonly corpus: string;
  readonly language: string;
}

export interface TestSetResult extends CorpusLanguage {
  /** Utterances (or windows) tested; absent where the source does not say. */
  readonly items?: number;
  readonly uar: number;
  readonly wa: number;
  readonly macroF1: number;
  readonly recall: Readonly<Record<QuadrantClass, number>>;
  /** Rows are true classes, columns predicted classes, both in the canonical class order. */
  readonly confusion: readonly (readonly number[])[];
}

export type EpochRecord = RunHistoryEpoch;

/** What the runs list shows and filters on. */
export interface RunSummary {
  readonly id: string;
  readonly experiment: string;
  readonly preset: string;
  readonly createdAt: string;
  readonly status: RunStatus;
  /** Why a run failed or was interrupted, as the trainer recorded it. */
  readonly statusMessage?: string | undefined;
  readonly train: readonly CorpusLanguage[];
  /** The model as trained, on each test set. */
  readonly tests: readonly TestSetResult[];
  /** The same model after AdaBN on a test set it did not train on (`--adapt-batchnorm`). */
  readonly adaptedTests: readonly TestSetResult[];
}

export interface RunRecord extends RunSummary {
  readonly history: readonly EpochRecord[];
  /** The epoch whose weights were kept (model selection on validation UAR). */
  readonly selectedEpoch?: number | undefined;
  readonly seed?: number | undefined;
  readonly config?: unknown;
  readonly dataSummary?: RunData | undefined;
  readonly modelCard?: unknown;
  /** The run's rows of the study table, as `trainer report` reads them; none unless finished. */
  readonly reportRows: readonly ReportRow[];
}
