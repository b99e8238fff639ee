// lld-statpool-mlp with the IS09 functionals in place of mean and std alone: per window and
// descriptor, mean, std, extremes and range, the regression line's slope, offset and error,
// skewness and kurtosis (FunctionalsPooling, in the graph, so the stream server computes them on
// the same window). With the peer's linear SVM, these functionals of the same LLDs score 0.045 UAR
// above mean and std on EmoDB (docs/benchmarks.md, "Against the classic peer").
import * as tf from "@tensorflow/tfjs";
import { FunctionalsPooling } from "../layers/functionals-pooling.js";
import type { ModelInputShape, ModelPreset } from "../model-preset.js";
import { lldStatpoolMlpPreset } from "./lld-statpool-mlp.js";

function functionalsMlp(shape: ModelInputShape): tf.LayersModel {
  return tf.sequential({
    name: "lld_functionals_mlp",
    layers: [
      new FunctionalsPooling({ name: "functionals", inputShape: [shape.frames, shape.dimension] }),
      // Functionals differ in scale by orders of magnitude (a kurtosis beside a slope per frame).
      tf.layers.batchNormalization({ name: "functionals_bn" }),
      tf.layers.dropout({ rate: 0.2, name: "dropout1" }),
      tf.layers.dense({ units: 64, activation: "relu", name: "dense" }),
      tf.layers.dropout({ rate: 0.3, name: "dropout2" }),
      tf.layers.dense({ units: shape.classes, activation: "softmax", name: "output" }),
    ],
  });
}

export const lldFunctionalsMlpPreset: ModelPreset = {
  ...lldStatpoolMlpPreset,
  name: "lld-functionals-mlp",
  description:
    "IS09 LLDs (energy, F0, voicing, ZCR, MFCC 1-12, deltas), per-window IS09 functionals (mean, std, extremes, range, regression, skewness, kurtosis), batch norm, one hidden layer, weight decay",
  build: functionalsMlp,
};
