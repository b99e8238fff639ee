import { isEmotionStreamError } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { nominalWindowFrames } from "../model-preset.js";
import { getPreset, PRESET_NAMES } from "./registry.js";

describe("model presets", () => {
  it("the paper network has the study's layers and parameter count", () => {
    const model = getPreset("paper").build({ frames: 300, dimension: 13, classes: 4 });
    // conv: 10*13*50 + 50; 300-10+1 = 291 frames pooled by 3 ("same") = 97 x 50; dense: 4850*4 + 4.
    expect(model.layers.map((layer) => layer.getClassName())).toEqual([
      "Conv1D",
      "MaxPooling1D",
      "Flatten",
      "Dropout",
      "Dense",
    ]);
    expect(model.countParams()).toBe(6550 + 19404);
    expect(model.outputs[0]?.shape).toEqual([null, 4]);
  });

  it("paper-as-run differs from paper only in learning rate and initialisation", () => {
    const paper = getPreset("paper");
    const asRun = getPreset("paper-as-run");
    expect(asRun.recipe).toEqual({ ...paper.recipe, learningRate: 0.01 });
    expect(asRun.build({ frames: 300, dimension: 13, classes: 4 }).countParams()).toBe(
      6550 + 19404,
    );
  });

  it("paper-as-run draws every weight and bias from N(0, 1); paper uses Glorot-uniform kernels and zero biases", () => {
    const spread = (values: Float32Array) => {
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
    };
    const weightsOf = (name: string) =>
      getPreset(name)
        .build({ frames: 300, dimension: 13, classes: 4 })
        .getWeights()
        .map((weight) => weight.dataSync() as Float32Array);
    const [asRunKernel, asRunBias] = weightsOf("paper-as-run");
    expect(spread(asRunKernel as Float32Array)).toBeGreaterThan(0.9);
    expect(spread(asRunKernel as Float32Array)).toBeLessThan(1.1);
    expect(spread(asRunBias as Float32Array)).toBeGreaterThan(0.5);
    const [paperKernel, paperBias] = weightsOf("paper");
    expect(spread(paperKernel as Float32Array)).toBeLessThan(0.2);
    expect(Array.from(paperBias as Float32Array).every((value) => value === 0)).toBe(true);
  });

  it.each(PRESET_NAMES)("%s builds a softmax over the classes for its own window", (name) => {
    const preset = getPreset(name);
    const { dimension } = getFeatureSet(preset.featureSet).spec;
    const frames = nominalWindowFrames(preset);
    const model = preset.build({ frames, dimension, classes: 4 });
    expect(model.inputs[0]?.shape).toEqual([null, frames, dimension]);
    expect(model.outputs[0]?.shape).toEqual([null, 4]);
  });

  it("an unknown name fails with UNKNOWN_PRESET listing the names", () => {
    try {
      getPreset("resnet");
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error, "UNKNOWN_PRESET")).toBe(true);
    }
  });
});
