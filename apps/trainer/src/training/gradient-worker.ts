// Worker-thread entry for data-parallel training: holds a replica of the model, and for each
// shard it is sent loads the current weights, computes loss and gradients, and posts them back.
import { parentPort } from "node:worker_threads";
import { createRandom } from "@emotion-stream/core";
import type * as tf from "@tensorflow/tfjs";
import * as tfjs from "@tensorflow/tfjs";
import { getPreset } from "../models/presets/registry.js";
import { selectBackend } from "../tfjs/backend.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./gradient-worker-protocol.js";
import { shardGradients, trainableVariables } from "./shard-gradients.js";

const port = parentPort;
if (port === null) throw new Error("gradient-worker must run in a worker thread");

interface Replica {
  readonly model: tf.LayersModel;
  readonly variables: tf.Variable[];
  readonly setup: WorkerSetup;
}

let replica: Replica | undefined;

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  if (request.kind === "setup") {
    await selectBackend(request.backend);
    // Dropout masks and initialisers draw from Math.random; seeded, the worker is reproducible.
    Math.random = createRandom(request.seed).next;
    const model = getPreset(request.preset).build(request.shape);
    replica = { model, variables: trainableVariables(model), setup: request };
    return { kind: "ready" };
  }
  if (replica === undefined) return { kind: "failed", message: "shard before setup" };
  const { model, variables, setup } = replica;
  const shapes = model.getWeights().map((weight) => weight.shape);
  tfjs.tidy(() =>
    model.setWeights(request.weights.map((values, index) => tfjs.tensor(values, shapes[index]))),
  );
  const { loss, gradients } = shardGradients(
    model,
    variables,
    request.batch,
    setup.shape.classes,
    setup.classWeights,
  );
  const arrays = gradients.map((gradient) => gradient.dataSync() as Float32Array);
  tfjs.dispose(gradients);
  return { kind: "gradients", loss, gradients: arrays };
}

port.on("message", (request: WorkerRequest) => {
  handle(request).then(
    (response) => {
      const transfer =
        response.kind === "gradients" ? response.gradients.map((g) => g.buffer as ArrayBuffer) : [];
      port.postMessage(response, transfer);
    },
    (error: unknown) =>
      port.postMessage({ kind: "failed", message: String(error) } satisfies WorkerResponse),
  );
});
