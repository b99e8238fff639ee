// Runs extraction jobs on a small pool of worker threads (one per core by default), each worker
// taking the next job as soon as it finishes one. Workers start on the first job and serve every
// later run until `close()`, so several corpora pay the start-up once and a fully cached run none.
// With `workers: 0` jobs run in-process, one at a time.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorkerThreads } from "@emotion-stream/core/node";
import { type ExtractionJob, type ExtractionResult, runExtractionJob } from "./extraction-job.js";

export interface ExtractionPoolOptions {
  /** Worker threads; 0 runs in-process. Default: one per available core. */
  readonly workers?: number;
}

const EXTRACTION_WORKER = new URL("./extraction-worker.js", import.meta.url);

interface Run {
  readonly queue: ExtractionJob[];
  readonly onResult: (result: ExtractionResult) => void;
  pending: number;
  readonly done: () => void;
  readonly fail: (error: unknown) => void;
}

export class ExtractionPool {
  readonly #size: number;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  #run: Run | undefined;

  constructor(options: ExtractionPoolOptions = {}) {
    this.#size = options.workers ?? availableParallelism();
  }

  /**
   * Runs `jobs` (one run at a time), calling `onResult` as each finishes, in completion order;
   * rejects with WORKER_START_FAILED if a worker cannot start.
   */
  async run(
    jobs: readonly ExtractionJob[],
    onResult: (result: ExtractionResult) => void,
  ): Promise<void> {
    if (jobs.length === 0) return;
    if (this.#size <= 0) {
      for (const job of jobs) onResult(await runExtractionJob(job));
      return;
    }
    const missing = Math.max(0, Math.min(this.#size, jobs.length) - this.#workers.length);
    for (const worker of await startWorkerThreads(EXTRACTION_WORKER, missing)) this.#adopt(worker);
    await new Promise<void>((done, fail) => {
      this.#run = { queue: [...jobs], onResult, pending: jobs.length, done, fail };
      for (const worker of this.#idle.splice(0)) this.#feed(worker);
    });
    this.#run = undefined;
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    this.#idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #adopt(worker: Worker): void {
    worker.on("message", (result: ExtractionResult) => {
      const run = this.#run;
      if (run === undefined) return;
      run.onResult(result);
      run.pending -= 1;
      if (run.pending === 0) run.done();
      this.#feed(worker);
    });
    worker.on("error", (error) => this.#run?.fail(error));
    this.#workers.push(worker);
    this.#idle.push(worker);
  }

  #feed(worker: Worker): void {
    const job = this.#run?.queue.shift();
    if (job === undefined) this.#idle.push(worker);
    else worker.postMessage(job);
  }
}
