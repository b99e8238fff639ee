// One run's directory, `runs/<id>/`. Every file is written to a temporary name and renamed, and
// `status.json` says whether the run finished: it is written `running` first and `finished` last,
// so a run killed half-way stays marked `running` (or `interrupted`, when a signal was caught)
// and is never reported as finished.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError, parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";
import { describeUnusableDirectory } from "../unusable-directory.js";
import { writeFileAtomically } from "./atomic-file.js";

export const RUN_STATUS_FILE = "status.json";

const runStatusSchema = z.object({
  status: z.enum(["running", "finished", "interrupted", "failed"]),
  updatedAt: z.string(),
  message: z.string().optional(),
});

export type RunStatus = z.infer<typeof runStatusSchema>;

export interface RunDirectory {
  readonly id: string;
  readonly path: string;
  writeJson(name: string, value: unknown): Promise<void>;
  markStatus(status: RunStatus["status"], message?: string): Promise<void>;
}

/** `<date>-<time>-<name>` in UTC, sortable; createRunDirectory keeps runs of one second apart. */
export function runId(name: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
    .replace("T", "-");
  return `${stamp}-${name}`;
}

/**
 * Creates `<runsDir>/<id>/`, or `<id>-2`, `<id>-3`, ... when a run of the same name started in the
 * same second: a run never writes into another's directory.
 */
export async function createRunDirectory(runsDir: string, id: string): Promise<RunDirectory> {
  const unusable = (error: unknown) =>
    describeUnusableDirectory(error, {
      flag: "--runs",
      holds: "runs directory",
      directory: runsDir,
    });
  await mkdir(runsDir, { recursive: true }).catch((error: unknown) => {
    throw unusable(error);
  });
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? id : `${id}-${attempt}`;
    const path = join(runsDir, candidate);
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw unusable(error);
    }
    const run: RunDirectory = {
      id: candidate,
      path,
      writeJson: (name, value) =>
        writeFileAtomically(join(path, name), `${JSON.stringify(value, null, 2)}\n`),
      markStatus: (status, message) =>
        run.writeJson(RUN_STATUS_FILE, {
          status,
          updatedAt: new Date().toISOString(),
          ...(message === undefined ? {} : { message }),
        }),
    };
    await run.markStatus("running");
    return run;
  }
}

export async function readRunStatus(runPath: string): Promise<RunStatus> {
  const file = join(runPath, RUN_STATUS_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new EmotionStreamError(
      "RUN_NOT_FOUND",
      "no run status in the directory",
      { file: runPath },
      { cause },
    );
  }
  return parseWithSchema(runStatusSchema, JSON.parse(text), "BAD_FILE", { file });
}

/**
 * Runs `body`, marking the run `finished` when it returns, `failed` when it throws and
 * `interrupted` on SIGINT/SIGTERM (then exiting 130).
 */
export async function withRunStatus<T>(run: RunDirectory, body: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    void run.markStatus("interrupted", `received ${signal}`).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const result = await body();
    await run.markStatus("finished");
    return result;
  } catch (error) {
    await run.markStatus("failed", error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
