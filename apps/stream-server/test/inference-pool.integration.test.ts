import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { InferencePool } from "../src/inference/inference-pool.js";
import { tinyModelBytes } from "./helpers/tiny-model.js";

const pools: InferencePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function startPool(size: number): InferencePool {
  const pool = new InferencePool(size, 4);
  pools.push(pool);
  return pool;
}

/** The pool's threads, reached past its private field: nothing public ends a worker. */
function threads(pool: InferencePool): (Worker | undefined)[] {
  return (pool as unknown as { workers: { worker: Worker | undefined }[] }).workers.map(
    (entry) => entry.worker,
  );
}

describe("inference pool", () => {
  it("loads a model into every worker and runs batches on them", async () => {
    const pool = startPool(2);
    const { inputShape, outputShape } = await pool.load(
      "tiny@1",
      tinyModelBytes({ windowFrames: 5 }),
    );
    const windowShape = inputShape.slice(1);
    const values = windowShape.reduce((a, b) => a * b, 1);
    expect(pool.freeBatchSlots).toBe(pool.batchSlots);
    const { output } = await pool.run("tiny@1", windowShape, 3, new Float32Array(3 * values));
    expect(output).toHaveLength(3 * (outputShape[1] ?? 0));
  });

  it("replaces a worker that dies, reloads its models and serves batches on it again", async () => {
    const pool = startPool(1);
    const { inputShape } = await pool.load("tiny@1", tinyModelBytes({ windowFrames: 5 }));
    const windowShape = inputShape.slice(1);
    const values = windowShape.reduce((a, b) => a * b, 1);
    const [dead] = threads(pool);
    // The batcher sends queued batches as soon as the pool says a worker is up (onIdle): right
    // after the replacement was sent its model, before onnxruntime has built the session.
    const firstBatch = new Promise<Float32Array>((resolve, reject) => {
      pool.onIdle = () => {
        if ([undefined, dead].includes(threads(pool)[0])) return;
        pool.onIdle = () => {};
        pool
          .run("tiny@1", windowShape, 1, new Float32Array(values))
          .then((result) => resolve(result.output), reject);
      };
    });
    await dead?.terminate();
    // It waits for the reload instead of failing with "not loaded in this worker".
    const output = await firstBatch;
    expect(output).toHaveLength(4);
  });
});
