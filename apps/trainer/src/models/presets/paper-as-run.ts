// The study's CNN as its code actually ran: learning rate 0.01 and every weight and bias drawn
// from N(0, 1) (TensorFlow's tf.random_normal default), instead of the published 0.001.
import * as tf from "@tensorflow/tfjs";
import type { ModelPreset } from "../model-preset.js";
import { buildPaperNetwork, PAPER_RECIPE, paperPreset } from "./paper.js";

export const paperAsRunPreset: ModelPreset = {
  ...paperPreset,
  name: "paper-as-run",
  description: "the study's CNN as its code ran: N(0, 1) weight initialisation, Adam 0.01",
  recipe: { ...PAPER_RECIPE, learningRate: 0.01 },
  build: (shape) =>
    buildPaperNetwork(shape, {
      initializer: () => tf.initializers.randomNormal({ mean: 0, stddev: 1 }),
    }),
};
