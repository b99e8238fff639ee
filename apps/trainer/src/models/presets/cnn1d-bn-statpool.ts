// A deeper 1-D CNN over MFCCs with deltas and accelerations as input channels: four
// conv-batchnorm-ReLU blocks (time halved after the first and second, which keeps training
// cheap while the receptive field grows), statistics pooling over time,
// a small dense head. Trained class-balanced with time/frequency masking, early-stopped on
// validation UAR (the study's model collapsed onto its majority class).
import * as tf from "@tensorflow/tfjs";
import { StatisticsPooling } from "../layers/statistics-pooling.js";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";

function convBlock(
  filters: number,
  kernelSize: number,
  index: number,
  inputShape?: [number, number],
): tf.layers.Layer[] {
  return [
    tf.layers.conv1d({
      ...(inputShape === undefined ? {} : { inputShape }),
      filters,
      kernelSize,
      padding: "same",
      useBias: false,
      name: `conv${index}`,
    }),
    tf.layers.batchNormalization({ name: `bn${index}` }),
    tf.layers.activation({ activation: "relu", name: `relu${index}` }),
  ];
}

function build(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "cnn1d_bn_statpool",
    layers: [
      ...convBlock(32, 5, 1, [shape.frames, shape.dimension]),
      tf.layers.maxPooling1d({ poolSize: 2, strides: 2, name: "pool1" }),
      ...convBlock(32, 5, 2),
      tf.layers.maxPooling1d({ poolSize: 2, strides: 2, name: "pool2" }),
      ...convBlock(64, 3, 3),
      ...convBlock(64, 3, 4),
      new StatisticsPooling({ name: "stats" }),
      tf.layers.dropout({ rate: 0.3, name: "dropout1" }),
      tf.layers.dense({ units: 64, activation: "relu", name: "dense" }),
      tf.layers.dropout({ rate: 0.3, name: "dropout2" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const cnn1dBnStatpoolPreset: ModelPreset = {
  name: "cnn1d-bn-statpool",
  description:
    "4 conv-BN-ReLU blocks over MFCC+deltas, statistics pooling, class-balanced sampling, masking, early stopping",
  featureSet: "mfcc0_12_d_a",
  trimSilence: "none",
  window: { kind: "fixed", windowFrames: 200, hopFrames: 50 },
  normalisation: "global",
  recipe: {
    learningRate: 0.001,
    batchSize: 64,
    epochs: 40,
    classBalance: "sampling",
    augmentation: {
      timeMasks: 2,
      maxTimeMaskFrames: 20,
      frequencyMasks: 2,
      maxFrequencyMaskBins: 2,
    },
    weightDecay: 0,
    earlyStoppingPatience: 8,
  },
  build,
};
