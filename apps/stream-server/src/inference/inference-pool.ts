// The main thread's side of the inference workers: loads every model version into each worker and
// runs one batch at a time per worker. A worker that dies is replaced and its models reloaded.
import type { Worker } from "node:worker_threads";
import { EmotionStreamError } from "@emotion-stream/core";
import { startWorkerThread } from "@emotion-stream/core/node";
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
  /** Undefined while its thread starts: at first, and after a crash until the replacement is up. */
  worker: Worker | undefined;
  /** The batches posted to it and not answered yet. */
  readonly batchIds: Set<number>;
  /** Its last memory report; undefined until the first. */
  memory: ThreadMemory | undefined;
}

type RunningWorker = PoolWorker & { worker: Worker };

const INFERENCE_WORKER = new URL("./inference-worker.js", import.meta.url);

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
  /** Settles once the first threads are up; rejects with WORKER_START_FAILED if one cannot start. */
  private readonly started: Promise<void>;
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
      this.workers.push({ worker: undefined, batchIds: new Set(), memory: undefined });
    this.started = Promise.all(this.workers.map((entry) => this.start(entry))).then(() => {});
    // load() reports a failed start; a pool closed before it loads anything just ends.
    this.started.catch(() => {});
  }

  /** Batches that can be in the workers at once. */
  get batchSlots(): number {
    return this.workers.length * BATCHES_PER_WORKER;
  }

  get freeBatchSlots(): number {
    return this.running().reduce(
      (free, entry) => free + BATCHES_PER_WORKER - entry.batchIds.size,
      0,
    );
  }

  /** Each worker's last memory report, in worker order (undefined before its first). */
  get workerMemory(): (ThreadMemory | undefined)[] {
    return this.workers.map((entry) => entry.memory);
  }

  /**
   * Loads the model into every worker; resolves with its shapes or rejects with BAD_MODEL (or
   * WORKER_START_FAILED when the workers could not start).
   */
  async load(key: string, bytes: Uint8Array): Promise<ModelShapes> {
    await this.started;
    // Kept from the start, so a worker that comes up meanwhile (replacing one) loads it too.
    this.models.set(key, bytes);
    const replies = await Promise.all(
      this.running().map(({ worker }) => this.loadInto(worker, key, bytes)),
    );
    const failed = replies.find((reply) => reply.type !== "loaded");
    if (failed !== undefined || replies.length === 0) {
      this.unload(key);
      const reason = failed?.type === "load-failed" ? failed.message : "no inference worker is up";
      throw new EmotionStreamError("BAD_MODEL", `onnxruntime cannot load the model: ${reason}`);
    }
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
        this.running().map((entry) =>
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
    for (const { worker } of this.running()) this.post(worker, { type: "unload", key });
  }

  /** Runs on the least busy worker; the caller checks `freeBatchSlots` first. */
  run(
    key: string,
    windowShape: readonly number[],
    batchSize: number,
    input: Float32Array,
  ): Promise<BatchResult> {
    const entry = this.running().reduce<RunningWorker | undefined>(
      (best, candidate) =>
        candidate.batchIds.size < (best?.batchIds.size ?? BATCHES_PER_WORKER) ? candidate : best,
      undefined,
    );
    if (entry === undefined)
      throw new EmotionStreamError("INTERNAL_ERROR", "no idle inference worker");
    return this.runOn(entry, key, windowShape, batchSize, input);
  }

  private runOn(
    entry: RunningWorker,
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
    await this.started.catch(() => {});
    while (this.runs.size > 0 && performance.now() < deadline) await sleep(10);
    await Promise.all(
      this.running().map(async ({ worker }) => {
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

  /** The workers whose thread is up. */
  private running(): RunningWorker[] {
    return this.workers.filter((entry): entry is RunningWorker => entry.worker !== undefined);
  }

  /** Starts the entry's thread and loads every model into it; rejects with WORKER_START_FAILED. */
  private async start(entry: PoolWorker): Promise<void> {
    const worker = await startWorkerThread(INFERENCE_WORKER);
    // Up after close: it holds no session yet, so it can simply end.
    if (this.closed) {
      await worker.terminate();
      return;
    }
    entry.worker = worker;
    worker.on("message", (reply: WorkerReply) => this.receive(worker, reply));
    worker.on("error", (error) => this.onWorkerError(error));
    worker.on("exit", () => this.replace(worker));
    for (const [key, bytes] of this.models) void this.loadInto(worker, key, bytes);
    this.onIdle();
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
    entry.worker = undefined;
    entry.batchIds.clear();
    entry.memory = undefined;
    // A replacement that cannot start leaves the pool a worker smaller.
    this.start(entry).catch((error: Error) => this.onWorkerError(error));
  }

  private post(worker: Worker, request: WorkerRequest): void {
    worker.postMessage(request);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
