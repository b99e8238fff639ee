// Micro-batching: windows that become ready across all streams of one model version share a batch
// buffer; a batch goes to a free worker when it is full or its oldest window has waited `maxDelayMs`.
// While every worker is busy, batches keep filling, so throughput grows with load. The queue is
// bounded: past `maxQueuedWindows` a window is refused and the caller reports OVERLOADED.
import type { EmotionStreamError } from "@emotion-stream/core";
import type { BatchResult, InferencePool } from "./inference-pool.js";

export interface BatcherOptions {
  readonly maxBatch: number;
  readonly maxDelayMs: number;
  readonly maxQueuedWindows: number;
}

/** What the batcher needs to know about a model version. */
export interface BatchModel {
  /** The pool's name for this version. */
  readonly key: string;
  /** One window's input tensor shape without the batch axis. */
  readonly windowShape: readonly number[];
  readonly valuesPerWindow: number;
  readonly outputsPerWindow: number;
}

interface Batch<Entry> {
  readonly model: BatchModel;
  readonly buffer: Float32Array;
  readonly entries: Entry[];
  readonly createdAt: number;
}

export interface BatchHandlers<Entry> {
  /** One call per window, with that window's outputs (valid only during the call). */
  readonly onOutput: (entry: Entry, output: Float32Array) => void;
  readonly onFailure: (entry: Entry, error: EmotionStreamError) => void;
  /** A handler threw for this entry (a bug); the batch's other windows are delivered regardless. */
  readonly onHandlerError: (entry: Entry, error: unknown) => void;
  /** After each batch, with its size and run time, for metrics. */
  readonly onBatch: (size: number, runMs: number) => void;
}

export class WindowBatcher<Entry> {
  private readonly queue: Batch<Entry>[] = [];
  private readonly open = new Map<BatchModel, Batch<Entry>>();
  private readonly freeBuffers = new Map<BatchModel, Float32Array[]>();
  private readonly retired = new WeakSet<BatchModel>();
  private queuedWindows = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: InferencePool,
    private readonly options: BatcherOptions,
    private readonly handlers: BatchHandlers<Entry>,
  ) {
    pool.onIdle = () => this.dispatch();
  }

  /** Windows waiting for or in a batch run. */
  get depth(): number {
    return this.queuedWindows;
  }

  /**
   * Reserves a slot for one window; `fill` writes its values at the given offset of the batch
   * buffer. False when the queue is full (nothing is written).
   */
  enqueue(
    model: BatchModel,
    entry: Entry,
    fill: (buffer: Float32Array, offset: number) => void,
  ): boolean {
    if (this.queuedWindows >= this.options.maxQueuedWindows) return false;
    const batch = this.openBatch(model);
    fill(batch.buffer, batch.entries.length * model.valuesPerWindow);
    batch.entries.push(entry);
    this.queuedWindows++;
    if (batch.entries.length === this.options.maxBatch) this.open.delete(model);
    this.dispatch();
    return true;
  }

  /** Batch buffers kept for reuse, over all model versions. */
  get spareBuffers(): number {
    let count = 0;
    for (const free of this.freeBuffers.values()) count += free.length;
    return count;
  }

  /** Forgets the free buffers of a model version that is no longer served. */
  release(model: BatchModel): void {
    this.retired.add(model);
    this.freeBuffers.delete(model);
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private openBatch(model: BatchModel): Batch<Entry> {
    const current = this.open.get(model);
    if (current !== undefined) return current;
    const buffer =
      this.freeBuffers.get(model)?.pop() ??
      new Float32Array(this.options.maxBatch * model.valuesPerWindow);
    const batch: Batch<Entry> = { model, buffer, entries: [], createdAt: performance.now() };
    this.open.set(model, batch);
    this.queue.push(batch);
    return batch;
  }

  private dispatch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = performance.now();
    let nextDue = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.queue.length && this.pool.freeBatchSlots > 0; ) {
      const batch = this.queue[i] as Batch<Entry>;
      const due = batch.createdAt + this.options.maxDelayMs;
      if (batch.entries.length < this.options.maxBatch && due > now) {
        nextDue = Math.min(nextDue, due);
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (this.open.get(batch.model) === batch) this.open.delete(batch.model);
      void this.run(batch);
    }
    if (
      this.queue.length > 0 &&
      this.pool.freeBatchSlots > 0 &&
      nextDue < Number.POSITIVE_INFINITY
    ) {
      this.timer = setTimeout(() => this.dispatch(), Math.max(0, nextDue - now));
    }
  }

  private async run(batch: Batch<Entry>): Promise<void> {
    const { model, entries } = batch;
    const started = performance.now();
    let result: BatchResult;
    try {
      result = await this.pool.run(model.key, model.windowShape, entries.length, batch.buffer);
    } catch (error) {
      this.queuedWindows -= entries.length;
      this.each(entries, (entry) => this.handlers.onFailure(entry, error as EmotionStreamError));
      return;
    }
    this.queuedWindows -= entries.length;
    this.recycle(model, result.input);
    this.handlers.onBatch(entries.length, performance.now() - started);
    const { output } = result;
    this.each(entries, (entry, row) => {
      const from = row * model.outputsPerWindow;
      this.handlers.onOutput(entry, output.subarray(from, from + model.outputsPerWindow));
    });
  }

  /** Calls `handle` for every entry: one entry's handler failing never touches another's window. */
  private each(entries: readonly Entry[], handle: (entry: Entry, row: number) => void): void {
    entries.forEach((entry, row) => {
      try {
        handle(entry, row);
      } catch (error) {
        this.handlers.onHandlerError(entry, error);
      }
    });
  }

  // Steady state needs a buffer per batch slot of the workers plus the one filling. A backlog (a
  // stall, a burst) makes one per queued batch, up to maxQueuedWindows / maxBatch of them; keeping
  // those would hold the spike's memory for good, so buffers beyond the steady need are let go.
  private recycle(model: BatchModel, buffer: Float32Array): void {
    if (this.retired.has(model)) return;
    const free = this.freeBuffers.get(model) ?? [];
    if (free.length > this.pool.batchSlots) return;
    free.push(buffer);
    this.freeBuffers.set(model, free);
  }
}
