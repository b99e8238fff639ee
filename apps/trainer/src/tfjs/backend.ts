// Chooses the TensorFlow.js backend: native tfjs-node when its library loads, else WASM (with our
// gradient kernels registered, so training runs on it), else the pure-JS CPU backend.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { registerBatchNormGradient } from "./batch-norm-gradient.js";
import { registerWasmTrainingKernels } from "./wasm-training-kernels.js";

export const BACKEND_NAMES = ["tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** `auto` tries the backends in order of speed. */
export type BackendChoice = BackendName | "auto";

const require = createRequire(import.meta.url);

async function loadNative(): Promise<boolean> {
  try {
    // The native addon registers the `tensorflow` backend on import; it fails when its shared
    // library is missing (no internet at install time), which is an expected case, not an error.
    await import("@tensorflow/tfjs-node");
    return tf.findBackend("tensorflow") !== null;
  } catch {
    return false;
  }
}

async function loadWasm(): Promise<boolean> {
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // The .wasm binaries ship in the package's dist folder; pointing there keeps Node off the network.
    const distDir = join(
      dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")),
      "dist",
    );
    wasm.setWasmPaths(`${distDir}/`);
    return true;
  } catch {
    return false;
  }
}

const LOADERS: Record<BackendName, () => Promise<boolean>> = {
  tensorflow: loadNative,
  wasm: loadWasm,
  cpu: async () => true,
};

async function activate(name: BackendName): Promise<boolean> {
  if (!(await LOADERS[name]())) return false;
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
  } catch {
    return false;
  }
  registerBatchNormGradient();
  if (name === "wasm") registerWasmTrainingKernels();
  return true;
}

/** Activates the requested backend (or the fastest that loads) and returns its name. */
export async function selectBackend(choice: BackendChoice = "auto"): Promise<BackendName> {
  const candidates = choice === "auto" ? BACKEND_NAMES : [choice];
  for (const name of candidates) {
    if (await activate(name)) return name;
  }
  throw new EmotionStreamError(
    "BACKEND_UNAVAILABLE",
    `TensorFlow.js backend ${choice} cannot be loaded`,
    {
      value: choice,
      allowed: BACKEND_NAMES,
    },
  );
}

/**
 * Data-parallel training threads that pay off on `backend`: one per core for WASM and CPU, which
 * run single-threaded; one for native TensorFlow, which already uses every core itself.
 */
export function defaultTrainingThreads(backend: BackendName): number {
  return backend === "tensorflow" ? 1 : availableParallelism();
}
