// Runs extraction jobs on a small pool of worker threads (one per core by default), each worker
// taking the next job as soon as it finishes one. With `workers: 0` jobs run in-process, one at a
// time: the mode for a handful of files, where starting workers costs more than it saves.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type ExtractionJob, type ExtractionResult, runExtractionJob } from "./extraction-job.js";

export interface ExtractionPoolOptions {
  /** Worker threads; 0 runs in-process. Default: one per available core. */
  readonly workers?: number;
  /** The compiled worker entry; defaults to extraction-worker.js beside this module. */
  readonly workerUrl?: URL;
}

export async function runExtractionJobs(
  jobs: readonly ExtractionJob[],
  onResult: (result: ExtractionResult) => void,
  options: ExtractionPoolOptions = {},
): Promise<void> {
  const workers = Math.min(jobs.length, options.workers ?? availableParallelism());
  if (workers <= 0) {
    for (const job of jobs) onResult(await runExtractionJob(job));
    return;
  }
  const url = options.workerUrl ?? new URL("./extraction-worker.js", import.meta.url);
  const queue = [...jobs];
  // Workers run compiled JavaScript and resolve packages to their builds: they do not inherit the
  // parent's flags (under vitest those include `--conditions source`, which points at TypeScript).
  const spawn = () => new Worker(url, { execArgv: [] });
  await Promise.all(Array.from({ length: workers }, () => drain(spawn(), queue, onResult)));
}

/** Feeds one worker from the shared queue until it is empty, then terminates it. */
function drain(
  worker: Worker,
  queue: ExtractionJob[],
  onResult: (result: ExtractionResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = () => {
      const job = queue.shift();
      if (job === undefined) {
        void worker.terminate().then(() => resolve());
        return;
      }
      worker.postMessage(job);
    };
    worker.on("message", (result: ExtractionResult) => {
      onResult(result);
      next();
    });
    worker.on("error", reject);
    next();
  });
}
