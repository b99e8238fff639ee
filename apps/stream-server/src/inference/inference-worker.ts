// Worker thread entry: holds onnxruntime sessions and runs batches, so the synchronous native
// Run never stalls the sockets on the main thread. One batch at a time per worker.
import { parentPort } from "node:worker_threads";
import * as ort from "onnxruntime-node";
import { ThreadMemoryMonitor } from "../metrics/thread-memory.js";
import {
  type LoadRequest,
  MEMORY_REPORT_INTERVAL_MS,
  type RunRequest,
  type WorkerReply,
  type WorkerRequest,
} from "./inference-messages.js";
import { valueShape } from "./value-shape.js";

interface LoadedSession {
  readonly session: ort.InferenceSession;
  readonly inputName: string;
  readonly outputName: string;
}

const sessions = new Map<string, LoadedSession>();
/**
 * Loads under way: a replacement worker is sent its models and then, at once, batches; a batch for
 * a model still loading waits for it rather than failing.
 */
const loading = new Map<string, Promise<void>>();
const port = parentPort;
if (port === null) throw new Error("inference-worker.js must run in a worker thread");

const memory = new ThreadMemoryMonitor();
const memoryReports = setInterval(
  () => reply({ type: "memory", memory: memory.sample() }),
  MEMORY_REPORT_INTERVAL_MS,
);

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function load({ key, bytes }: LoadRequest): Promise<void> {
  try {
    const session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
    const inputShape = valueShape(session.inputMetadata[0]);
    const outputShape = valueShape(session.outputMetadata[0]);
    const inputName = session.inputNames[0];
    const outputName = session.outputNames[0];
    if (inputName === undefined || outputName === undefined) {
      throw new Error("the model has no input or no output");
    }
    sessions.get(key)?.session.release();
    sessions.set(key, { session, inputName, outputName });
    reply({ type: "loaded", key, inputShape, outputShape });
  } catch (error) {
    reply({
      type: "load-failed",
      key,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

async function run({ batchId, key, batchSize, windowShape, input }: RunRequest): Promise<void> {
  try {
    await loading.get(key);
    const loaded = sessions.get(key);
    if (loaded === undefined) throw new Error(`model ${key} is not loaded in this worker`);
    const valuesPerWindow = windowShape.reduce((a, b) => a * b, 1);
    const tensor = new ort.Tensor("float32", input.subarray(0, batchSize * valuesPerWindow), [
      batchSize,
      ...windowShape,
    ]);
    const outputs = await loaded.session.run({ [loaded.inputName]: tensor });
    const output = Float32Array.from(outputs[loaded.outputName]?.data as Float32Array);
    reply({ type: "result", batchId, input, output }, [input.buffer as ArrayBuffer, output.buffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply({ type: "run-failed", batchId, input, message }, [input.buffer as ArrayBuffer]);
  }
}

async function close(): Promise<void> {
  clearInterval(memoryReports);
  memory.stop();
  for (const { session } of sessions.values()) await session.release();
  sessions.clear();
  // In a worker thread this ends the thread, not the process.
  process.exit(0);
}

port.on("message", (request: WorkerRequest) => {
  if (request.type === "load") {
    const loaded = load(request).finally(() => {
      if (loading.get(request.key) === loaded) loading.delete(request.key);
    });
    loading.set(request.key, loaded);
  } else if (request.type === "unload") {
    sessions.get(request.key)?.session.release();
    sessions.delete(request.key);
  } else if (request.type === "close") void close();
  else void run(request);
});
