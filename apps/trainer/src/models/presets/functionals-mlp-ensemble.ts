// functionals-mlp five times over: five one-hidden-layer perceptrons on the same functionals, each
// from its own initial weights and dropout masks, their class probabilities averaged. Averaging
// members that err differently lowers the variance a single small network has on a corpus of a
// few hundred utterances; one graph, so export, serving and evaluation treat it as one model.
// Language-aware: corpora act and label emotions differently (RAVDESS's intense sadness is loud,
// EmoDB's is quiet), so a model trained on several languages hears which one is spoken; speech of
// another or no declared language is heard as the average of those it knows.
import * as tf from "@tensorflow/tfjs";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";
import { functionalsMlpPreset } from "./functionals-mlp.js";

const MEMBERS = 5;

function build(shape: ModelInputShape): tf.LayersModel {
  const input = tf.input({ shape: [shape.frames, shape.dimension], name: "features" });
  const functionals = tf.layers.flatten({ name: "functionals" }).apply(input) as tf.SymbolicTensor;
  const members = Array.from({ length: MEMBERS }, (_, m) => {
    const layers = [
      tf.layers.dropout({ rate: 0.2, name: `member${m}_dropout1` }),
      tf.layers.dense({ units: 64, activation: "relu", name: `member${m}_dense` }),
      tf.layers.dropout({ rate: 0.3, name: `member${m}_dropout2` }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: `member${m}_output` }),
    ];
    return layers.reduce<tf.SymbolicTensor>(
      (tensor, layer) => layer.apply(tensor) as tf.SymbolicTensor,
      functionals,
    );
  });
  const output = tf.layers.average({ name: "output" }).apply(members) as tf.SymbolicTensor;
  return tf.model({ name: "functionals_mlp_ensemble", inputs: input, outputs: output });
}

export const functionalsMlpEnsemblePreset: ModelPreset = {
  ...functionalsMlpPreset,
  name: "functionals-mlp-ensemble",
  description:
    "openSMILE utterance functionals (eGeMAPS v02 and IS09, 472), per-speaker z-normalisation, five one-hidden-layer perceptrons from different initial weights, their probabilities averaged; class-balanced loss, weight decay; language-aware (the spoken language as input, another or none as the average of the known ones; languages in tempered shares per batch)",
  languageInput: { value: 3 },
  build,
};
