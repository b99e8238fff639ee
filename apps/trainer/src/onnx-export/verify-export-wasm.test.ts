// The trainer trains and predicts on tfjs' WASM backend when tfjs-node cannot load (as here), so
// the export must match that backend too, not only the CPU one the other tests use.
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { getPreset, PRESET_NAMES } from "../models/presets/registry.js";
import { selectBackend } from "../tfjs/backend.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";
import { presetInputShape } from "./preset-input-shape.js";
import { randomizeWeights } from "./random-weights.js";
import { randomWindowBatch } from "./random-windows.js";
import { verifyExport } from "./verify-export.js";

describe("exports match tfjs on the WASM backend", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it.each(PRESET_NAMES)("%s", async (name) => {
    expect(tf.getBackend()).toBe("wasm");
    const preset = getPreset(name);
    const shape = presetInputShape(preset);
    const model = preset.build(shape);
    randomizeWeights(model, 17);
    const windows = randomWindowBatch(32, shape.frames, shape.dimension, 3);
    const agreement = await verifyExport(model, layersModelToOnnx(model), windows);
    expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
    expect(agreement.argmaxAgreements).toBe(32);
  });
});
