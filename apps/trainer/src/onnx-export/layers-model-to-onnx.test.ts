import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { StatisticsPooling } from "../models/layers/statistics-pooling.js";
import { ACTIVATION_NAMES } from "./activations.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";
import { randomizeWeights } from "./random-weights.js";
import { randomWindowBatch } from "./random-windows.js";
import { verifyExport } from "./verify-export.js";

const DIMENSION = 13;

/** [frames, 13] windows -> the given layers -> Dense(4, softmax), with random weights. */
function sequentialModel(frames: number, layers: tf.layers.Layer[], seed = 1): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [frames, DIMENSION] }));
  for (const layer of layers) model.add(layer);
  if (model.outputs[0]?.shape.length !== 2) model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 4, activation: "softmax" }));
  randomizeWeights(model, seed);
  return model;
}

const FRAMES = 20;

/** [frames, 13] -> [frames, 13, 1] so 2-D layers see a one-channel image. */
function asImage(frames = FRAMES): tf.layers.Layer {
  return tf.layers.reshape({ targetShape: [frames, DIMENSION, 1] });
}

async function expectExactExport(model: tf.LayersModel, frames: number, count = 8): Promise<void> {
  const windows = randomWindowBatch(count, frames, DIMENSION, 7);
  const agreement = await verifyExport(model, layersModelToOnnx(model), windows);
  expect(agreement.windows).toBe(count);
  expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
  expect(agreement.argmaxAgreements).toBe(count);
  expect(agreement.passed).toBe(true);
}

const SINGLE_LAYER_CASES: Record<string, () => tf.layers.Layer[]> = {
  "Conv1D valid, stride 1, relu": () => [
    tf.layers.conv1d({ filters: 6, kernelSize: 5, activation: "relu" }),
  ],
  "Conv1D same, stride 3 (asymmetric padding), no bias": () => [
    tf.layers.conv1d({ filters: 5, kernelSize: 4, strides: 3, padding: "same", useBias: false }),
  ],
  "Conv1D same, dilation 2, tanh": () => [
    tf.layers.conv1d({
      filters: 4,
      kernelSize: 3,
      dilationRate: 2,
      padding: "same",
      activation: "tanh",
    }),
  ],
  "Conv1D same, kernel 4, dilation 3 (explicit pads)": () => [
    tf.layers.conv1d({
      filters: 4,
      kernelSize: 4,
      dilationRate: 3,
      padding: "same",
      activation: "elu",
    }),
  ],
  "Conv2D spanning all coefficients (the paper's 10 x 13)": () => [
    asImage(),
    tf.layers.conv2d({ filters: 5, kernelSize: [10, DIMENSION], activation: "relu" }),
  ],
  "Conv2D same, strides [2, 3], kernel [4, 3], selu": () => [
    asImage(),
    tf.layers.conv2d({
      filters: 3,
      kernelSize: [4, 3],
      strides: [2, 3],
      padding: "same",
      activation: "selu",
    }),
  ],
  "Conv2D valid, dilation [2, 1]": () => [
    asImage(),
    tf.layers.conv2d({
      filters: 3,
      kernelSize: [3, 3],
      dilationRate: [2, 1],
      activation: "sigmoid",
    }),
  ],
  "MaxPooling1D same, pool 30, stride 3 (the paper's pooling)": () => [
    tf.layers.maxPooling1d({ poolSize: 30, strides: 3, padding: "same" }),
  ],
  "MaxPooling1D valid": () => [tf.layers.maxPooling1d({ poolSize: 3, strides: 2 })],
  "AveragePooling1D same (padded cells ignored)": () => [
    tf.layers.averagePooling1d({ poolSize: 4, strides: 3, padding: "same" }),
  ],
  "AveragePooling1D valid": () => [tf.layers.averagePooling1d({ poolSize: 2 })],
  "MaxPooling2D same, [3, 2] stride [2, 2]": () => [
    asImage(),
    tf.layers.maxPooling2d({ poolSize: [3, 2], strides: [2, 2], padding: "same" }),
  ],
  "AveragePooling2D same, [3, 4] stride [2, 3]": () => [
    asImage(),
    tf.layers.averagePooling2d({ poolSize: [3, 4], strides: [2, 3], padding: "same" }),
  ],
  "AveragePooling2D valid": () => [asImage(), tf.layers.averagePooling2d({ poolSize: [2, 2] })],
  GlobalAveragePooling1D: () => [tf.layers.globalAveragePooling1d()],
  GlobalMaxPooling1D: () => [tf.layers.globalMaxPooling1d()],
  GlobalAveragePooling2D: () => [
    asImage(),
    tf.layers.conv2d({ filters: 3, kernelSize: 3 }),
    tf.layers.globalAveragePooling2d({}),
  ],
  GlobalMaxPooling2D: () => [
    asImage(),
    tf.layers.conv2d({ filters: 3, kernelSize: 3 }),
    tf.layers.globalMaxPooling2d({}),
  ],
  "Dense on rank-3 input (per frame)": () => [tf.layers.dense({ units: 7, activation: "relu" })],
  "Dense without bias on rank-2 input": () => [
    tf.layers.flatten(),
    tf.layers.dense({ units: 9, useBias: false }),
  ],
  "BatchNormalization on the last axis, epsilon 0.01": () => [
    tf.layers.batchNormalization({ epsilon: 0.01 }),
  ],
  "BatchNormalization without centre": () => [tf.layers.batchNormalization({ center: false })],
  "BatchNormalization on image channels, no scale": () => [
    asImage(),
    tf.layers.conv2d({ filters: 3, kernelSize: 3 }),
    tf.layers.batchNormalization({ scale: false }),
  ],
  "Dropout, SpatialDropout1D and GaussianNoise as identity": () => [
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.spatialDropout1d({ rate: 0.3 }),
    tf.layers.gaussianNoise({ stddev: 0.2 }),
  ],
  "ReLU with maxValue, LeakyReLU, ELU, Softmax layers": () => [
    tf.layers.reLU({ maxValue: 0.4 }),
    tf.layers.dense({ units: 8 }),
    tf.layers.leakyReLU({ alpha: 0.2 }),
    tf.layers.elu(),
    tf.layers.softmax({ axis: -1 }),
  ],
  "Flatten after a multi-channel Conv2D (channels-last order)": () => [
    asImage(),
    tf.layers.conv2d({ filters: 4, kernelSize: [3, 2], strides: [2, 2] }),
    tf.layers.flatten(),
  ],
  "Reshape and Permute": () => [
    tf.layers.reshape({ targetShape: [FRAMES / 2, 2, DIMENSION] }),
    tf.layers.permute({ dims: [3, 1, 2] }),
    tf.layers.reshape({ targetShape: [DIMENSION, FRAMES] }),
  ],
};

describe("layersModelToOnnx reproduces tfjs within 1e-5 on onnxruntime-node", () => {
  it("StatisticsPooling over every frame and over voiced frames", async () => {
    const f0 = 3;
    const model = sequentialModel(FRAMES, [new StatisticsPooling({ voicedColumn: f0 })]);
    const windows = randomWindowBatch(6, FRAMES, DIMENSION, 3);
    // Unvoiced frames hold the window's lowest F0: every third frame; all of window 1; none of 2.
    for (let window = 0; window < windows.count; window += 1) {
      for (let frame = 0; frame < FRAMES; frame += 1) {
        const unvoiced = window === 1 || (window !== 2 && frame % 3 === 0);
        if (unvoiced) windows.data[(window * FRAMES + frame) * DIMENSION + f0] = -4;
      }
    }
    const agreement = await verifyExport(model, layersModelToOnnx(model), windows);
    expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
    expect(agreement.argmaxAgreements).toBe(windows.count);
  });

  for (const [name, layers] of Object.entries(SINGLE_LAYER_CASES)) {
    it(name, async () => {
      await expectExactExport(sequentialModel(FRAMES, layers()), FRAMES);
    });
  }

  for (const activation of ACTIVATION_NAMES) {
    it(`Activation ${activation}`, async () => {
      const layers = [
        tf.layers.dense({ units: 6 }),
        tf.layers.activation({ activation: activation as "relu" }),
      ];
      await expectExactExport(sequentialModel(12, layers), 12);
    });
  }

  it("merge layers in a functional model: Concatenate, Add, Multiply, Average, Maximum, Minimum", async () => {
    const input = tf.input({ shape: [16, DIMENSION] });
    const branches = [0, 1, 2].map((seed) =>
      tf.layers
        .conv1d({ filters: 4, kernelSize: 3, padding: "same", name: `branch${seed}` })
        .apply(input),
    ) as tf.SymbolicTensor[];
    const merged = [
      tf.layers.add().apply(branches),
      tf.layers.multiply().apply(branches),
      tf.layers.average().apply(branches),
      tf.layers.maximum().apply(branches),
      tf.layers.minimum().apply(branches),
    ] as tf.SymbolicTensor[];
    const joined = tf.layers.concatenate({ axis: -1 }).apply(merged) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling1d().apply(joined);
    const output = tf.layers
      .dense({ units: 4, activation: "softmax" })
      .apply(pooled) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    randomizeWeights(model, 3);
    await expectExactExport(model, 16);
  });
});

describe("layersModelToOnnx handles edge shapes", () => {
  const paperLike = (frames: number) =>
    sequentialModel(frames, [
      asImage(frames),
      tf.layers.conv2d({ filters: 6, kernelSize: [10, DIMENSION], activation: "relu" }),
      tf.layers.reshape({ targetShape: [frames - 9, 6] }),
      tf.layers.maxPooling1d({ poolSize: 30, strides: 3, padding: "same" }),
      tf.layers.dropout({ rate: 0.5 }),
    ]);

  it("batch 1", async () => {
    await expectExactExport(paperLike(40), 40, 1);
  });

  it("batch 64", async () => {
    await expectExactExport(paperLike(40), 40, 64);
  });

  it("the minimal window: as many frames as the kernel spans", async () => {
    await expectExactExport(paperLike(10), 10, 5);
  });
});
