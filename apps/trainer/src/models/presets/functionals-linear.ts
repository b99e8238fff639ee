// The classic peer's model as a preset: openSMILE's utterance-level functionals (one row per
// utterance), z-normalised per speaker, and a class-balanced softmax regression with a strong L2
// penalty (a linear SVM's role; softmax gives the calibrated posteriors the server streams). The
// network sees what the peer's SVM sees, so the two are compared on the features alone.
import * as tf from "@tensorflow/tfjs";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";

function build(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "functionals_linear",
    layers: [
      tf.layers.flatten({ name: "functionals", inputShape: [shape.frames, shape.dimension] }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const functionalsLinearPreset: ModelPreset = {
  name: "functionals-linear",
  description:
    "openSMILE's eGeMAPS v02 utterance functionals (88), per-speaker z-normalisation, class-balanced softmax regression with a strong L2 penalty: the classic peer's linear model",
  featureSet: "egemaps_v02",
  trimSilence: "none",
  // One row per utterance: a window is the utterance.
  window: { kind: "fixed", windowFrames: 1, hopFrames: 1 },
  normalisation: "speaker",
  recipe: {
    learningRate: 0.01,
    batchSize: 32,
    epochs: 60,
    classBalance: "loss-weights",
    augmentation: null,
    weightDecay: 0.03,
    earlyStoppingPatience: null,
  },
  build,
};
