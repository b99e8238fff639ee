// prosody-formants-statpool-mlp with the statistics taken twice: over every frame and over the
// voiced frames only (StatisticsPooling's voicedColumn), so the network sees the voice's own pitch,
// formants and level apart from how much of the window is pause or consonant. The class balance is
// in the loss, so batch-norm statistics are of the corpus's natural class mix, the kind AdaBN
// (`--adapt-batchnorm`) measures on a new corpus. Meant for models that must hold on other corpora
// and still be usable within one (docs/benchmarks.md, Accuracy).
import { getFeatureSet } from "@emotion-stream/features";
import * as tf from "@tensorflow/tfjs";
import { StatisticsPooling } from "../layers/statistics-pooling.js";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";
import { prosodyFormantsStatpoolMlpPreset } from "./prosody-formants-statpool-mlp.js";

const FEATURE_SET = prosodyFormantsStatpoolMlpPreset.featureSet;
const F0_COLUMN = getFeatureSet(FEATURE_SET).spec.columns.indexOf("F0_sma");

function build(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "prosody_formants_voiced_mlp",
    layers: [
      new StatisticsPooling({
        name: "stats",
        inputShape: [shape.frames, shape.dimension],
        voicedColumn: F0_COLUMN,
      }),
      tf.layers.batchNormalization({ name: "stats_bn" }),
      tf.layers.dropout({ rate: 0.2, name: "dropout1" }),
      tf.layers.dense({ units: 64, activation: "relu", name: "dense" }),
      tf.layers.dropout({ rate: 0.3, name: "dropout2" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const prosodyFormantsVoicedMlpPreset: ModelPreset = {
  ...prosodyFormantsStatpoolMlpPreset,
  name: "prosody-formants-voiced-mlp",
  description:
    "IS09 prosodic LLDs and GeMAPS LPC formants with deltas, mean/std pooled over all frames and over voiced frames, batch norm, one hidden layer, weight decay 0.01, class-weighted loss: for other corpora (with --adapt-batchnorm) and within one",
  recipe: {
    ...prosodyFormantsStatpoolMlpPreset.recipe,
    classBalance: "loss-weights",
    weightDecay: 0.01,
  },
  build,
};
