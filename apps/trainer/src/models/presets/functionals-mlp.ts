// openSMILE's utterance-level functionals (one row per utterance: eGeMAPS v02's voice quality,
// spectral balance and formants beside IS09's MFCC 1-12 statistics), z-normalised per speaker,
// and a one-hidden-layer perceptron, with room for interactions between descriptors (a high F0
// means more when the voice is loud).
import * as tf from "@tensorflow/tfjs";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";
import { functionalsLinearPreset } from "./functionals-linear.js";

function build(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "functionals_mlp",
    layers: [
      tf.layers.flatten({ name: "functionals", inputShape: [shape.frames, shape.dimension] }),
      tf.layers.dropout({ rate: 0.2, name: "dropout1" }),
      tf.layers.dense({ units: 64, activation: "relu", name: "dense" }),
      tf.layers.dropout({ rate: 0.3, name: "dropout2" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const functionalsMlpPreset: ModelPreset = {
  ...functionalsLinearPreset,
  name: "functionals-mlp",
  featureSet: "egemaps_v02_is09",
  description:
    "openSMILE utterance functionals (eGeMAPS v02 and IS09, 472), per-speaker z-normalisation, dropout, one hidden layer of 64, class-balanced loss, weight decay",
  recipe: {
    ...functionalsLinearPreset.recipe,
    learningRate: 0.003,
    epochs: 60,
    weightDecay: 0.003,
  },
  build,
};
