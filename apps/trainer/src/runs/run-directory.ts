// One run's directory, `<--runs>/<id>/`, as the trainer writes it. Every file goes through the
// artifacts package (its names, its shapes, written atomically), and `status.json` says whether the
// run finished: it is written `running` first and `finished` last, so a run killed half-way stays
// marked `running` (or `interrupted`, when a signal was caught) and is never reported as finished.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  type RunJsonContents,
  type RunJsonFile,
  type RunStatus,
  writeRunJson,
} from "@emotion-stream/artifacts";
import { describeUnusableDirectory } from "../unusable-directory.js";

export interface RunDirectory {
  readonly id: string;
  readonly path: string;
  writeJson<File extends RunJsonFile>(file: File, value: RunJsonContents[File]): Promise<void>;
  markStatus(status: RunStatus["status"], message?: string): Promise<void>;
}

/**
 * Creates `<runsDir>/<id>/` (an id from artifacts' runId), or `<id>-2`, `<id>-3`, ... when a run
 * of the same name started in the same second: a run never writes into another's directory.
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
      writeJson: (file, value) => writeRunJson(path, file, value),
      markStatus: (status, message) =>
        run.writeJson("status", {
          status,
          updatedAt: new Date().toISOString(),
          ...(message === undefined ? {} : { message }),
        }),
    };
    await run.markStatus("running");
    return run;
  }
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
