// The main thread's side of the inference workers: loads every model version into each worker and
// runs one batch at a time per worker. A worker that dies is replaced and its models reloaded.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { EmotionStreamError } from "@emotion-stream/core";
import type { ThreadMemory } from "../metrics/thread-memory.js";
import type { LoadedReply, WorkerReply, WorkerRequest } from "./inference-messages.js";

export interface BatchResult {
  /** The batch buffer, handed back for reuse. */
  readonly input: Float32Array;
  readonly output: Float32Array;
}

export interface ModelShapes {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
}

interface PendingRun {
  readonly resolve: (result: BatchResult) => void;
  readonly reject: (error: EmotionStreamError) => void;
}

interface PoolWorker {
  worker: Worker;
  /** The batches posted to it and not answered yet. */
  readonly batchIds: Set<number>;
  /** Its last memory report; undefined until the first. */
  memory: ThreadMemory | undefined;
}

// Built, the worker is a sibling .js file. Under vitest the sources are TypeScript, and Node 20 does
// not pass --import hooks on to workers, so the worker registers tsx itself before loading its .ts file.
function workerEntry(): { readonly script: string | URL; readonly eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { script: new URL("./inference-worker.js", here), eval: false };
  const tsx = pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href;
  const worker = new URL("./inference-worker.ts", here).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}

const WORKER_ENTRY = workerEntry();

// A second batch waits in the worker's queue while the first runs, so the worker does not idle for
// the round trip to the main thread between batches.
const BATCHES_PER_WORKER = 2;

export class InferencePool {
  private readonly workers: PoolWorker[] = [];
  private readonly models = new Map<string, Uint8Array>();
  private readonly runs = new Map<number, PendingRun>();
  private readonly loads = new Map<
    string,
    { worker: Worker; settle: (reply: WorkerReply) => void }[]
  >();
  private nextBatchId = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  /** Called whenever a worker becomes free, so queued batches can go. */
  onIdle: () => void = () => {};
  onWorkerError: (error: Error) => void = () => {};

  constructor(
    size: number,
    /** The largest batch the batcher sends: the size `warm` runs. */
    private readonly maxBatch: number,
  ) {
    for (let i = 0; i < size; i++)
      this.workers.push({ worker: this.spawn(), batchIds: new Set(), memory: undefined });
  }

  /** Batches that can be in the workers at once. */
  get batchSlots(): number {
    return this.workers.length * BATCHES_PER_WORKER;
  }

  get freeBatchSlots(): number {
    return this.workers.reduce((free, entry) => free + BATCHES_PER_WORKER - entry.batchIds.size, 0);
  }

  /** Each worker's last memory report, in worker order (undefined before its first). */
  get workerMemory(): (ThreadMemory | undefined)[] {
    return this.workers.map((entry) => entry.memory);
  }

  /** Loads the model into every worker; resolves with its shapes or rejects with BAD_MODEL. */
  async load(key: string, bytes: Uint8Array): Promise<ModelShapes> {
    const replies = await Promise.all(
      this.workers.map(({ worker }) => this.loadInto(worker, key, bytes)),
    );
    const failed = replies.find((reply) => reply.type === "load-failed");
    if (failed !== undefined && failed.type === "load-failed") {
      this.unload(key);
      throw new EmotionStreamError(
        "BAD_MODEL",
        `onnxruntime cannot load the model: ${failed.message}`,
      );
    }
    this.models.set(key, bytes);
    const { inputShape, outputShape } = replies[0] as LoadedReply;
    return { inputShape, outputShape };
  }

  /**
   * Runs one batch of `maxBatch` zero windows on every worker. onnxruntime's CPU arena grows to the
   * largest batch a session has run and keeps that memory (in power-of-two regions, 8 MB for the
   * paper CNN at 64); grown here, at load, the process reaches its size at once instead of stepping
   * up whenever a burst first makes a larger batch, hours in. Rejects with BAD_MODEL if the session
   * cannot run such a batch. (A worker replaced after a crash grows its arena as batches come.)
   */
  async warm(key: string, windowShape: readonly number[]): Promise<void> {
    const values = this.maxBatch * windowShape.reduce((a, b) => a * b, 1);
    try {
      await Promise.all(
        this.workers.map((entry) =>
          this.runOn(entry, key, windowShape, this.maxBatch, new Float32Array(values)),
        ),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EmotionStreamError(
        "BAD_MODEL",
        `onnxruntime cannot run a batch of ${this.maxBatch}: ${reason}`,
      );
    }
  }

  unload(key: string): void {
    this.models.delete(key);
    for (const { worker } of this.workers) this.post(worker, { type: "unload", key });
  }

  /** Runs on the least busy worker; the caller checks `freeBatchSlots` first. */
  run(
    key: string,
    windowShape: readonly number[],
    batchSize: number,
    input: Float32Array,
  ): Promise<BatchResult> {
    const entry = this.workers.reduce<PoolWorker | undefined>(
      (best, candidate) =>
        candidate.batchIds.size < (best?.batchIds.size ?? BATCHES_PER_WORKER) ? candidate : best,
      undefined,
    );
    if (entry === undefined)
      throw new EmotionStreamError("INTERNAL_ERROR", "no idle inference worker");
    return this.runOn(entry, key, windowShape, batchSize, input);
  }

  private runOn(
    entry: PoolWorker,
    key: string,
    windowShape: readonly number[],
    batchSize: number,
    input: Float32Array,
  ): Promise<BatchResult> {
    const batchId = this.nextBatchId++;
    entry.batchIds.add(batchId);
    return new Promise((resolve, reject) => {
      this.runs.set(batchId, { resolve, reject });
      entry.worker.postMessage(
        { type: "run", batchId, key, batchSize, windowShape, input } satisfies WorkerRequest,
        [input.buffer as ArrayBuffer],
      );
    });
  }

  /** Lets running batches finish (up to `graceMs`), then ends each worker after it releases its sessions. */
  close(graceMs = 2000): Promise<void> {
    this.closing ??= this.shutDown(graceMs);
    return this.closing;
  }

  private async shutDown(graceMs: number): Promise<void> {
    this.closed = true;
    this.onIdle = () => {};
    const deadline = performance.now() + graceMs;
    while (this.runs.size > 0 && performance.now() < deadline) await sleep(10);
    await Promise.all(
      this.workers.map(async ({ worker }) => {
        const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
        this.post(worker, { type: "close" });
        const timer = setTimeout(
          () => void worker.terminate(),
          Math.max(100, deadline - performance.now()),
        );
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_ENTRY.script, { eval: WORKER_ENTRY.eval });
    worker.on("message", (reply: WorkerReply) => this.receive(worker, reply));
    worker.on("error", (error) => this.onWorkerError(error));
    worker.on("exit", () => this.replace(worker));
    return worker;
  }

  private receive(worker: Worker, reply: WorkerReply): void {
    if (reply.type === "loaded" || reply.type === "load-failed") {
      this.settleLoad(worker, reply);
      return;
    }
    const entry = this.workers.find((candidate) => candidate.worker === worker);
    if (reply.type === "memory") {
      if (entry !== undefined) entry.memory = reply.memory;
      return;
    }
    const pending = this.runs.get(reply.batchId);
    this.runs.delete(reply.batchId);
    entry?.batchIds.delete(reply.batchId);
    if (reply.type === "result") pending?.resolve({ input: reply.input, output: reply.output });
    else pending?.reject(new EmotionStreamError("INFERENCE_FAILED", reply.message));
    this.onIdle();
  }

  private loadInto(worker: Worker, key: string, bytes: Uint8Array): Promise<WorkerReply> {
    return new Promise((settle) => {
      const waiting = this.loads.get(key) ?? [];
      waiting.push({ worker, settle });
      this.loads.set(key, waiting);
      this.post(worker, { type: "load", key, bytes });
    });
  }

  private settleLoad(worker: Worker, reply: WorkerReply & { key: string }): void {
    const waiting = this.loads.get(reply.key) ?? [];
    const index = waiting.findIndex((entry) => entry.worker === worker);
    const [entry] = waiting.splice(index, 1);
    if (waiting.length === 0) this.loads.delete(reply.key);
    entry?.settle(reply);
  }

  private replace(dead: Worker): void {
    const entry = this.workers.find((candidate) => candidate.worker === dead);
    if (entry === undefined || this.closed) return;
    for (const batchId of entry.batchIds) {
      const lost = new EmotionStreamError(
        "INFERENCE_FAILED",
        "the inference worker exited during the batch",
      );
      this.runs.get(batchId)?.reject(lost);
      this.runs.delete(batchId);
    }
    for (const [key, waiting] of this.loads) {
      if (waiting.some((candidate) => candidate.worker === dead)) {
        this.settleLoad(dead, { type: "load-failed", key, message: "the inference worker exited" });
      }
    }
    entry.worker = this.spawn();
    entry.batchIds.clear();
    entry.memory = undefined;
    for (const [key, bytes] of this.models) void this.loadInto(entry.worker, key, bytes);
    this.onIdle();
  }

  private post(worker: Worker, request: WorkerRequest): void {
    worker.postMessage(request);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
