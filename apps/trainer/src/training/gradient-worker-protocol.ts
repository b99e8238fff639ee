// Messages between the training thread and its gradient workers.
import type { ModelInputShape } from "../models/model-preset.js";
import type { BackendName } from "../tfjs/backend.js";
import type { HostBatch } from "./shard-gradients.js";

export interface WorkerSetup {
  readonly kind: "setup";
  readonly preset: string;
  readonly shape: ModelInputShape;
  readonly backend: BackendName;
  /** Seeds the worker's dropout masks; differs per worker. */
  readonly seed: number;
  readonly classWeights?: Float32Array;
}

export interface WorkerShard {
  readonly kind: "shard";
  /** Every weight of the model (trainable and not), in `model.getWeights()` order. */
  readonly weights: Float32Array[];
  readonly batch: HostBatch;
}

export type WorkerRequest = WorkerSetup | WorkerShard;

export type WorkerResponse =
  | { readonly kind: "ready" }
  | { readonly kind: "gradients"; readonly loss: number; readonly gradients: Float32Array[] }
  | { readonly kind: "failed"; readonly message: string };
