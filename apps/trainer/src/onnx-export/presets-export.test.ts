import type * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import {
  type ModelInputShape,
  type ModelPreset,
  nominalWindowFrames,
} from "../models/model-preset.js";
import { getPreset, PRESET_NAMES } from "../models/presets/registry.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";
import { presetInputShape } from "./preset-input-shape.js";
import { randomizeWeights } from "./random-weights.js";
import { randomWindowBatch } from "./random-windows.js";
import { verifyExport } from "./verify-export.js";

/** The fewest frames for which every layer of the preset's network has a non-empty output. */
function minimalFrames(preset: ModelPreset): number {
  for (let frames = 1; frames < nominalWindowFrames(preset); frames += 1) {
    if (buildsNonEmpty(preset, frames)) return frames;
  }
  return nominalWindowFrames(preset);
}

function buildsNonEmpty(preset: ModelPreset, frames: number): boolean {
  try {
    const model = preset.build(presetInputShape(preset, frames));
    const nonEmpty = model.layers.every((layer) =>
      (layer.outputShape as (number | null)[]).every((size) => size === null || size > 0),
    );
    model.dispose();
    return nonEmpty;
  } catch {
    // tfjs refuses some too-short inputs outright (negative output sizes).
    return false;
  }
}

async function expectExactExport(
  model: tf.LayersModel,
  shape: ModelInputShape,
  count: number,
): Promise<void> {
  randomizeWeights(model, 11);
  const windows = randomWindowBatch(count, shape.frames, shape.dimension, 5);
  const agreement = await verifyExport(model, layersModelToOnnx(model), windows);
  expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
  expect(agreement.argmaxAgreements).toBe(count);
  expect(agreement.passed).toBe(true);
}

describe.each(PRESET_NAMES)("preset %s exports exactly", (name) => {
  const preset = getPreset(name);

  it.each([1, 64])("at its window length with batch %i", async (count) => {
    const shape = presetInputShape(preset);
    await expectExactExport(preset.build(shape), shape, count);
  });

  // A preset whose window is one row (an utterance's functionals) has no shorter window.
  if (nominalWindowFrames(preset) > 1) {
    it("at its minimal window", async () => {
      const shape = presetInputShape(preset, minimalFrames(preset));
      expect(shape.frames).toBeLessThan(nominalWindowFrames(preset));
      await expectExactExport(preset.build(shape), shape, 4);
    });
  }
});
