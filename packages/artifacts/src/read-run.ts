// One run directory read whole: its status (a directory without one is not a run), and whichever
// of its other JSON files it has so far, each parsed by its schema. A running run has no metrics
// yet, an interrupted one may never have them.
import { basename, join } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import { RUN_FILES } from "./run-files.js";
import { type RunJsonRead, readRunJson } from "./run-json-files.js";
import type { RunStatus } from "./run-status.js";

export interface RunFiles {
  /** The directory name, which is the run's id (run-id.ts). */
  readonly id: string;
  readonly path: string;
  readonly status: RunStatus;
  readonly config?: RunJsonRead<"config">;
  readonly data?: RunJsonRead<"data">;
  /** Absent while a run trains, or when it stopped before that step, and in evaluation runs. */
  readonly history?: RunJsonRead<"history">;
  readonly metrics?: RunJsonRead<"metrics">;
  /** As stored: check it with core's parseModelCard (or modelCardSchema) before use. */
  readonly modelCard?: unknown;
}

/** The run's status; RUN_NOT_FOUND when the directory has none (it is not a run). */
export async function readRunStatus(runPath: string): Promise<RunStatus> {
  const status = await readRunJson(runPath, "status");
  if (status === undefined) {
    throw new EmotionStreamError("RUN_NOT_FOUND", `no ${RUN_FILES.status} in the directory`, {
      file: join(runPath, RUN_FILES.status),
    });
  }
  return status;
}

export async function readRun(runPath: string): Promise<RunFiles> {
  const status = await readRunStatus(runPath);
  const [config, data, history, metrics, modelCard] = await Promise.all([
    readRunJson(runPath, "config"),
    readRunJson(runPath, "data"),
    readRunJson(runPath, "history"),
    readRunJson(runPath, "metrics"),
    readRunJson(runPath, "modelCard"),
  ]);
  return {
    id: basename(runPath),
    path: runPath,
    status,
    config,
    data,
    history,
    metrics,
    modelCard,
  };
}
