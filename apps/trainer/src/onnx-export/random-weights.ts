// Replaces every weight of a model with seeded random values, so an untrained model exercises each
// converter with non-trivial numbers (non-zero biases, BN statistics away from 0 and 1).
import * as tf from "@tensorflow/tfjs";
import { standardNormalValues } from "./random-windows.js";

/** Variances must stay positive; everything else is N(0, scale^2). */
export function randomizeWeights(model: tf.LayersModel, seed: number, scale = 0.5): void {
  model.weights.forEach((variable, index) => {
    const { shape, size } = variable.read();
    const normal = standardNormalValues(size, seed + index);
    const values = variable.originalName.endsWith("variance")
      ? normal.map((value) => 0.5 + Math.abs(value))
      : normal.map((value) => value * scale);
    tf.tidy(() => {
      variable.write(tf.tensor(values, shape));
    });
  });
}
