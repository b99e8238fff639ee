// Reads every run directory under the runs directory (server side). A run that cannot be read is
// reported with its reason instead of hiding the others.
import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError, parseWithSchema, runConfigSchema } from "@emotion-stream/core";
import { z } from "zod";
import {
  historyFileSchema,
  metricsFileSchema,
  RUN_FILES,
  runRecordFromFiles,
  runStatusFileSchema,
} from "./run-files.js";
import type { RunRecord } from "./run-record.js";

export interface UnreadableRun {
  readonly id: string;
  readonly reason: string;
}

export type RunsDirectory =
  | { readonly state: "missing"; readonly dir: string }
  | {
      readonly state: "read";
      readonly dir: string;
      readonly runs: readonly RunRecord[];
      readonly unreadable: readonly UnreadableRun[];
    };

export async function readRunsDirectory(dir: string): Promise<RunsDirectory> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return { state: "missing", dir };
    throw error;
  }
  const ids = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const results = await Promise.all(ids.map((id) => readRunOrReason(dir, id)));
  return {
    state: "read",
    dir,
    runs: results.flatMap((result) => ("run" in result ? [result.run] : [])),
    unreadable: results.flatMap((result) => ("reason" in result ? [result] : [])),
  };
}

async function readRunOrReason(
  dir: string,
  id: string,
): Promise<{ run: RunRecord } | UnreadableRun> {
  try {
    return { run: await readRun(dir, id) };
  } catch (error) {
    return { id, reason: error instanceof EmotionStreamError ? error.describe() : String(error) };
  }
}

/** One run by its directory name; RUN_NOT_FOUND when it has no status file (not a run). */
export async function readRun(dir: string, id: string): Promise<RunRecord> {
  const runDir = join(dir, id);
  const status = await readJson(runDir, RUN_FILES.status, runStatusFileSchema);
  if (status === undefined) {
    throw new EmotionStreamError("RUN_NOT_FOUND", `no ${RUN_FILES.status} in run ${id}`, {
      file: join(runDir, RUN_FILES.status),
    });
  }
  const [config, data, history, metrics, modelCard] = await Promise.all([
    readJson(runDir, RUN_FILES.config, runConfigSchema),
    readJson(runDir, RUN_FILES.data, z.unknown()),
    readJson(runDir, RUN_FILES.history, historyFileSchema),
    readJson(runDir, RUN_FILES.metrics, metricsFileSchema),
    readJson(runDir, RUN_FILES.modelCard, z.unknown()),
  ]);
  return runRecordFromFiles({ id, status, config, data, history, metrics, modelCard });
}

/** A JSON file of the run parsed by `schema`; undefined when the file does not exist. */
async function readJson<Schema extends z.ZodType>(
  runDir: string,
  name: string,
  schema: Schema,
): Promise<z.output<Schema> | undefined> {
  const file = join(runDir, name);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EmotionStreamError(
      "BAD_FILE",
      `${name} is not valid JSON`,
      { file },
      { cause: error },
    );
  }
  return parseWithSchema(schema, value, "BAD_FILE", { file });
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
