// The study's network: one convolution of 50 filters of 10 frames x all 13 coefficients, ReLU,
// max-pooling 30 x 1 with stride 3 ("same"), dropout 0.5, dense softmax over the 4 quadrants.
// A 10 x 13 filter spanning every coefficient of a single-channel image is exactly a 1-D
// convolution of kernel 10 over 13 input channels; the 1-D form is what runs fast on WASM.
import * as tf from "@tensorflow/tfjs";
import type { ModelInputShape, ModelPreset, TrainingRecipe } from "../model-preset.js";

export interface PaperNetworkOptions {
  /** Keras defaults (Glorot-uniform kernels, zero biases) when absent. */
  readonly initializer?: () => ReturnType<typeof tf.initializers.randomNormal>;
}

export function buildPaperNetwork(
  shape: ModelInputShape,
  options: PaperNetworkOptions = {},
): tf.LayersModel {
  const init = options.initializer;
  const weights = init === undefined ? {} : { kernelInitializer: init(), biasInitializer: init() };
  return tf.sequential({
    name: "paper",
    layers: [
      tf.layers.conv1d({
        inputShape: [shape.frames, shape.dimension],
        filters: 50,
        kernelSize: 10,
        activation: "relu",
        name: "conv",
        ...weights,
      }),
      tf.layers.maxPooling1d({ poolSize: 30, strides: 3, padding: "same", name: "pool" }),
      tf.layers.flatten({ name: "flatten" }),
      tf.layers.dropout({ rate: 0.5, name: "dropout" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output", ...weights }),
    ],
  });
}

export const PAPER_RECIPE: TrainingRecipe = {
  learningRate: 0.001,
  batchSize: 50,
  epochs: 50,
  classBalance: "none",
  augmentation: null,
  weightDecay: 0,
  earlyStoppingPatience: null,
};

export const paperPreset: ModelPreset = {
  name: "paper",
  description:
    "the study's CNN as published: conv 50 x (10 x 13), max-pool 30/3, dropout 0.5, Adam 0.001",
  featureSet: "mfcc0_12",
  trimSilence: "none",
  window: { kind: "study-average" },
  normalisation: "l2-frame",
  recipe: PAPER_RECIPE,
  build: (shape) => buildPaperNetwork(shape),
};
