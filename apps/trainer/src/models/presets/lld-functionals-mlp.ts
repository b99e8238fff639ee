// lld-statpool-mlp with the IS09 functionals in place of mean and std alone: per window and
// descriptor, mean, std, extremes and range, the regression line's slope, offset and error,
// skewness and kurtosis (FunctionalsPooling, in the graph, so the stream server computes them on
// the same window). With the peer's linear SVM, these functionals of the same LLDs score 0.045 UAR
// above mean and std on EmoDB (docs/benchmarks.md, "Against the classic peer").
import { FunctionalsPooling } from "../layers/functionals-pooling.js";
import type { ModelPreset } from "../model-preset.js";
import { lldStatpoolMlpPreset, pooledMlp } from "./lld-statpool-mlp.js";

export const lldFunctionalsMlpPreset: ModelPreset = {
  ...lldStatpoolMlpPreset,
  name: "lld-functionals-mlp",
  description:
    "IS09 LLDs (energy, F0, voicing, ZCR, MFCC 1-12, deltas), per-window IS09 functionals (mean, std, extremes, range, regression, skewness, kurtosis), batch norm, one hidden layer, weight decay",
  build: pooledMlp(
    "lld_functionals_mlp",
    "functionals",
    (shape) =>
      new FunctionalsPooling({ name: "functionals", inputShape: [shape.frames, shape.dimension] }),
  ),
};
