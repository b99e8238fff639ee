// The dashboard runs exported models in the browser with onnxruntime-web; in Node the same package
// runs its WASM backend, loaded from the package's own dist folder (no network).
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as ortWeb from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { getPreset, PRESET_NAMES } from "../models/presets/registry.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";
import { predictWithOnnxruntime, predictWithTfjs } from "./model-inference.js";
import { presetInputShape } from "./preset-input-shape.js";
import { compareProbabilities } from "./probability-agreement.js";
import { randomizeWeights } from "./random-weights.js";
import { randomWindowBatch } from "./random-windows.js";

ortWeb.env.wasm.wasmPaths = `${dirname(createRequire(import.meta.url).resolve("onnxruntime-web"))}/`;
ortWeb.env.wasm.numThreads = 1;

describe("exported presets run on onnxruntime-web (WASM) with tfjs' answers", () => {
  it.each(PRESET_NAMES)("%s", async (name) => {
    const preset = getPreset(name);
    const shape = presetInputShape(preset);
    const model = preset.build(shape);
    randomizeWeights(model, 21);
    const windows = randomWindowBatch(8, shape.frames, shape.dimension, 9);
    const session = await ortWeb.InferenceSession.create(layersModelToOnnx(model), {
      executionProviders: ["wasm"],
    });
    const actual = await predictWithOnnxruntime(session, ortWeb.Tensor, windows);
    await session.release();
    const agreement = compareProbabilities(predictWithTfjs(model, windows), actual, 4);
    expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
    expect(agreement.argmaxAgreements).toBe(8);
  });
});
