// The training thread's side of data-parallel training: a fixed set of worker threads, each with
// a model replica, asked to compute gradients of one shard of every batch.
import type { Worker } from "node:worker_threads";
import { EmotionStreamError } from "@emotion-stream/core";
import { startWorkerThreads } from "@emotion-stream/core/node";
import type { WorkerResponse, WorkerSetup, WorkerShard } from "./gradient-worker-protocol.js";
import type { HostBatch } from "./shard-gradients.js";

export interface ShardResult {
  readonly loss: number;
  readonly gradients: Float32Array[];
}

export interface GradientWorkers {
  readonly count: number;
  /** Sends shard i to worker i with the current weights; resolves with each worker's result. */
  compute(weights: Float32Array[], shards: readonly HostBatch[]): Promise<ShardResult[]>;
  terminate(): Promise<void>;
}

const GRADIENT_WORKER = new URL("./gradient-worker.js", import.meta.url);

function request(
  worker: Worker,
  message: WorkerSetup | WorkerShard,
  transfer: ArrayBuffer[] = [],
): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    const onMessage = (response: WorkerResponse) => {
      worker.off("error", onError);
      if (response.kind === "failed") {
        reject(
          new EmotionStreamError("INTERNAL_ERROR", `gradient worker failed: ${response.message}`),
        );
      } else {
        resolve(response);
      }
    };
    const onError = (error: Error) => {
      worker.off("message", onMessage);
      reject(error);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
    worker.postMessage(message, transfer);
  });
}

/** Starts `count` workers, each set up with `setup` and seed `setup.seed + index`. */
export async function startGradientWorkers(
  count: number,
  setup: WorkerSetup,
): Promise<GradientWorkers> {
  const workers = await startWorkerThreads(GRADIENT_WORKER, count);
  await Promise.all(
    workers.map((worker, index) => request(worker, { ...setup, seed: setup.seed + index })),
  );
  return {
    count,
    async compute(weights, shards) {
      const responses = await Promise.all(
        shards.map((batch, index) => {
          const copies = weights.map((values) => values.slice());
          const message: WorkerShard = { kind: "shard", weights: copies, batch };
          return request(workers[index] as Worker, message, [
            ...copies.map((c) => c.buffer as ArrayBuffer),
            batch.values.buffer as ArrayBuffer,
          ]);
        }),
      );
      return responses.map((response) => {
        if (response.kind !== "gradients")
          throw new EmotionStreamError("INTERNAL_ERROR", "gradient worker answered out of turn");
        return { loss: response.loss, gradients: response.gradients };
      });
    },
    async terminate() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
