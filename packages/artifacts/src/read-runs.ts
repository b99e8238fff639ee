// Finding and reading many runs: every run under a runs directory (the dashboard), or the runs
// among paths that are each a run or a directory of runs (`trainer report`). A run that cannot be
// read is reported with its coded reason instead of hiding the others.
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError, isEmotionStreamError } from "@emotion-stream/core";
import { type RunFiles, readRun } from "./read-run.js";
import { RUN_FILES } from "./run-files.js";
import { isMissing } from "./run-json-files.js";

export interface UnreadableRun {
  readonly id: string;
  /** `CODE: message (file, field)`. */
  readonly reason: string;
}

export type RunsDirectory =
  | { readonly state: "missing"; readonly dir: string }
  | {
      readonly state: "read";
      readonly dir: string;
      readonly runs: readonly RunFiles[];
      readonly unreadable: readonly UnreadableRun[];
    };

/** Every directory under `dir` read as a run, in name order; `missing` when `dir` does not exist. */
export async function readRunsDirectory(dir: string): Promise<RunsDirectory> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return { state: "missing", dir };
    throw error;
  }
  // In name order, which for run ids is the order they started in, as findRunDirectories lists them.
  const ids = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
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
): Promise<{ run: RunFiles } | UnreadableRun> {
  try {
    return { run: await readRun(join(dir, id)) };
  } catch (error) {
    return { id, reason: isEmotionStreamError(error) ? error.describe() : String(error) };
  }
}

/** Run directories among `paths`: each path is a run itself or a directory of runs, in name order. */
export async function findRunDirectories(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (!(await isDirectory(path))) {
      throw new EmotionStreamError("RUN_NOT_FOUND", "no such run or runs directory", {
        file: path,
      });
    }
    if (await isFile(join(path, RUN_FILES.status))) {
      found.push(path);
      continue;
    }
    for (const entry of (await readdir(path)).sort()) {
      if (await isFile(join(path, entry, RUN_FILES.status))) found.push(join(path, entry));
    }
  }
  return found;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}
