import { describe, expect, it } from "vitest";
import type { InferencePool } from "./inference-pool.js";
import { type BatchModel, WindowBatcher } from "./window-batcher.js";

/** One worker whose batch runs finish when the test says so; outputs = the batch's first values. */
class FakePool {
  readonly batchSlots = 1;
  freeBatchSlots = 1;
  onIdle: () => void = () => {};
  readonly runs: { batchSize: number; finish: () => void }[] = [];

  run(_key: string, _shape: readonly number[], batchSize: number, input: Float32Array) {
    this.freeBatchSlots--;
    return new Promise<{ input: Float32Array; output: Float32Array }>((resolve) => {
      this.runs.push({
        batchSize,
        finish: () => {
          this.freeBatchSlots++;
          resolve({
            input,
            output: Float32Array.from({ length: batchSize }, (_, row) => input[row * 2] ?? -1),
          });
          this.onIdle();
        },
      });
    });
  }
}

const MODEL: BatchModel = { key: "m@1", windowShape: [2], valuesPerWindow: 2, outputsPerWindow: 1 };

function setup(
  options: { maxBatch: number; maxDelayMs: number; maxQueuedWindows: number },
  failingEntry?: number,
) {
  const pool = new FakePool();
  const outputs: [number, number][] = [];
  const batches: number[] = [];
  const handlerErrors: number[] = [];
  const failures: number[] = [];
  const batcher = new WindowBatcher<number>(pool as unknown as InferencePool, options, {
    onOutput: (entry, output) => {
      if (entry === failingEntry) throw new Error(`handler bug for ${entry}`);
      outputs.push([entry, output[0] ?? Number.NaN]);
    },
    onFailure: (entry) => failures.push(entry),
    onHandlerError: (entry) => handlerErrors.push(entry),
    onBatch: (size) => batches.push(size),
  });
  const enqueue = (entry: number) =>
    batcher.enqueue(MODEL, entry, (buffer, offset) => {
      buffer[offset] = entry;
      buffer[offset + 1] = 0;
    });
  return { pool, outputs, batches, batcher, enqueue, handlerErrors, failures };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("window batcher", () => {
  it("holds a lone window for at most maxDelayMs before running it", async () => {
    const { pool, enqueue, batcher } = setup({
      maxBatch: 8,
      maxDelayMs: 30,
      maxQueuedWindows: 100,
    });
    enqueue(1);
    await tick(5);
    expect(pool.runs).toEqual([]);
    await tick(60);
    expect(pool.runs.map((run) => run.batchSize)).toEqual([1]);
    batcher.close();
  });

  it("fills batches while the worker is busy and routes each output to its window", async () => {
    const { pool, enqueue, outputs, batches, batcher } = setup({
      maxBatch: 4,
      maxDelayMs: 1,
      maxQueuedWindows: 100,
    });
    enqueue(10);
    await tick(10);
    for (const entry of [11, 12, 13, 14, 15, 16]) enqueue(entry);
    expect(pool.runs.map((run) => run.batchSize)).toEqual([1]);
    pool.runs[0]?.finish();
    await tick(0);
    expect(pool.runs.map((run) => run.batchSize)).toEqual([1, 4]);
    pool.runs[1]?.finish();
    await tick(10);
    pool.runs[2]?.finish();
    await tick(0);
    expect(batches).toEqual([1, 4, 2]);
    expect(outputs).toEqual([10, 11, 12, 13, 14, 15, 16].map((entry) => [entry, entry]));
    expect(batcher.depth).toBe(0);
    batcher.close();
  });

  it("delivers every other window of a batch when one window's handler throws", async () => {
    const { pool, enqueue, outputs, batcher, handlerErrors, failures } = setup(
      { maxBatch: 3, maxDelayMs: 0, maxQueuedWindows: 100 },
      21,
    );
    for (const entry of [20, 21, 22]) enqueue(entry);
    await tick(0);
    for (const run of pool.runs) run.finish();
    await tick(0);
    expect(outputs).toEqual([
      [20, 20],
      [22, 22],
    ]);
    expect(handlerErrors).toEqual([21]);
    expect(failures).toEqual([]);
    expect(batcher.depth).toBe(0);
    batcher.close();
  });

  it("refuses windows past maxQueuedWindows and takes them again once batches finish", async () => {
    const { pool, enqueue, batcher } = setup({ maxBatch: 2, maxDelayMs: 0, maxQueuedWindows: 3 });
    expect([1, 2, 3, 4].map(enqueue)).toEqual([true, true, true, false]);
    expect(batcher.depth).toBe(3);
    pool.runs[0]?.finish();
    await tick(0);
    expect(enqueue(5)).toBe(true);
    batcher.close();
  });

  it("keeps only the buffers steady state needs after a backlog has drained", async () => {
    const { pool, enqueue, batcher } = setup({ maxBatch: 2, maxDelayMs: 0, maxQueuedWindows: 100 });
    // The one worker is busy with the first window while 20 more queue up in 10 batches.
    for (let entry = 0; entry < 21; entry++) enqueue(entry);
    for (let run = 0; run < 11; run++) {
      pool.runs[run]?.finish();
      await tick(0);
    }
    expect(pool.runs).toHaveLength(11);
    expect(batcher.depth).toBe(0);
    // One batch slot plus the batch filling.
    expect(batcher.spareBuffers).toBe(2);
    batcher.close();
  });
});
