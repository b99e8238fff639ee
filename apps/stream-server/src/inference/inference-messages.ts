// What the main thread and the inference workers say to each other (structured clone, with the
// batch buffers transferred rather than copied).
import type { ThreadMemory } from "../metrics/thread-memory.js";

export interface LoadRequest {
  readonly type: "load";
  /** Names one version of one model: `<model id>@<version>`. */
  readonly key: string;
  readonly bytes: Uint8Array;
}

export interface UnloadRequest {
  readonly type: "unload";
  readonly key: string;
}

export interface RunRequest {
  readonly type: "run";
  readonly batchId: number;
  readonly key: string;
  readonly batchSize: number;
  /** One window's tensor shape without the batch axis, every size concrete. */
  readonly windowShape: readonly number[];
  /** batchSize x windowFrames x dimension values; the worker sends the buffer back with the result. */
  readonly input: Float32Array;
}

/** Release every session and end the worker thread (a terminate during a native run aborts the process). */
export interface CloseRequest {
  readonly type: "close";
}

export type WorkerRequest = LoadRequest | UnloadRequest | RunRequest | CloseRequest;

export interface LoadedReply {
  readonly type: "loaded";
  readonly key: string;
  /** The model's first input and output shapes; -1 where a dimension is symbolic (the batch). */
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
}

export interface LoadFailedReply {
  readonly type: "load-failed";
  readonly key: string;
  readonly message: string;
}

export interface ResultReply {
  readonly type: "result";
  readonly batchId: number;
  readonly input: Float32Array;
  /** batchSize x classes values of the model's first output. */
  readonly output: Float32Array;
}

export interface RunFailedReply {
  readonly type: "run-failed";
  readonly batchId: number;
  readonly input: Float32Array;
  readonly message: string;
}

/** The worker's own heap, every `MEMORY_REPORT_INTERVAL_MS` (the main thread cannot read it). */
export interface MemoryReply {
  readonly type: "memory";
  readonly memory: ThreadMemory;
}

export type WorkerReply =
  | LoadedReply
  | LoadFailedReply
  | ResultReply
  | RunFailedReply
  | MemoryReply;

export const MEMORY_REPORT_INTERVAL_MS = 2000;
