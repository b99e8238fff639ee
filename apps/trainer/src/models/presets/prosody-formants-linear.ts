// The cross-corpus preset: IS09's prosodic LLDs and GeMAPS's LPC formants, pooled per window,
// batch-normalised and classified by a softmax regression with a strong L2 penalty, the network
// least able to learn one corpus's own cues. Its class balance is in the loss, not the sampling,
// so the batches and with them the batch-norm statistics see the corpus's natural class mix: what
// `--adapt-batchnorm` (AdaBN) re-estimates on a new corpus is the same kind of statistic.
// Within one corpus it gives up accuracy to prosody-formants-statpool-mlp and lld-statpool-mlp
// (docs/benchmarks.md, Accuracy).
import * as tf from "@tensorflow/tfjs";
import { StatisticsPooling } from "../layers/statistics-pooling.js";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";
import { prosodyFormantsStatpoolMlpPreset } from "./prosody-formants-statpool-mlp.js";

function build(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "prosody_formants_linear",
    layers: [
      new StatisticsPooling({ name: "stats", inputShape: [shape.frames, shape.dimension] }),
      tf.layers.batchNormalization({ name: "stats_bn" }),
      tf.layers.dropout({ rate: 0.2, name: "dropout" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const prosodyFormantsLinearPreset: ModelPreset = {
  ...prosodyFormantsStatpoolMlpPreset,
  name: "prosody-formants-linear",
  description:
    "IS09 prosodic LLDs and GeMAPS LPC formants with deltas, per-window mean/std pooling, batch norm, softmax regression with weight decay 1.0 and class-weighted loss: for other corpora, with --adapt-batchnorm",
  recipe: {
    ...prosodyFormantsStatpoolMlpPreset.recipe,
    classBalance: "loss-weights",
    weightDecay: 1,
  },
  build,
};
