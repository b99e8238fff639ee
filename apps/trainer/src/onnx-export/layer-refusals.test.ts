import { isEmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";

function exportError(layers: tf.layers.Layer[], inputShape: number[] = [20, 13]): unknown {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  for (const layer of layers) model.add(layer);
  try {
    layersModelToOnnx(model);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("layersModelToOnnx refuses what it cannot convert exactly", () => {
  it("refuses a layer type without a converter with UNSUPPORTED_LAYER naming the layer", () => {
    const error = exportError([tf.layers.lstm({ units: 4, name: "recurrent" })]);
    expect(isEmotionStreamError(error, "UNSUPPORTED_LAYER")).toBe(true);
    expect(error).toMatchObject({ details: { field: "recurrent", value: "LSTM" } });
  });

  it("refuses channels-first convolutions with UNSUPPORTED_LAYER_OPTION naming dataFormat", () => {
    const error = exportError(
      [tf.layers.conv2d({ filters: 2, kernelSize: 3, dataFormat: "channelsFirst", name: "nchw" })],
      [1, 20, 13],
    );
    expect(isEmotionStreamError(error, "UNSUPPORTED_LAYER_OPTION")).toBe(true);
    expect(error).toMatchObject({ details: { field: "nchw.dataFormat" } });
  });

  it("refuses an activation without an exact ONNX form", () => {
    const error = exportError([tf.layers.dense({ units: 3, activation: "gelu_new", name: "fc" })]);
    expect(isEmotionStreamError(error, "UNSUPPORTED_LAYER_OPTION")).toBe(true);
    expect(error).toMatchObject({ details: { field: "fc.activation", value: "gelu_new" } });
  });

  it("refuses batch normalisation over an axis other than the last", () => {
    const error = exportError([tf.layers.batchNormalization({ axis: 1, name: "bn" })]);
    expect(isEmotionStreamError(error, "UNSUPPORTED_LAYER_OPTION")).toBe(true);
    expect(error).toMatchObject({ details: { field: "bn.axis", value: 1 } });
  });

  it("refuses channels-first global pooling", () => {
    const error = exportError(
      [tf.layers.globalAveragePooling2d({ dataFormat: "channelsFirst", name: "gap" })],
      [4, 20, 13],
    );
    expect(isEmotionStreamError(error, "UNSUPPORTED_LAYER_OPTION")).toBe(true);
    expect(error).toMatchObject({ details: { field: "gap.dataFormat" } });
  });

  it("refuses a merge of tensors of different ranks", () => {
    const input = tf.input({ shape: [20, 13] });
    const pooled = tf.layers.globalAveragePooling1d().apply(input) as tf.SymbolicTensor;
    const frame = tf.layers.reshape({ targetShape: [1, 13] }).apply(pooled) as tf.SymbolicTensor;
    const flat = tf.layers.flatten().apply(frame) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: flat });
    // Built directly: tfjs' own Add accepts [b, 13] + [b, 20, 13] by its own alignment rule.
    const summed = tf.layers.add({ name: "mixed" }).apply([flat, input]) as tf.SymbolicTensor;
    const mixed = tf.model({ inputs: input, outputs: summed });
    expect(() => layersModelToOnnx(model)).not.toThrow();
    expect(() => layersModelToOnnx(mixed)).toThrow(
      expect.objectContaining({
        code: "UNSUPPORTED_LAYER_OPTION",
        details: expect.objectContaining({ field: "mixed.inputs" }),
      }),
    );
  });
});
