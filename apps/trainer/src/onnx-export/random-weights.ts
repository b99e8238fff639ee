// Replaces every weight of a model with seeded random values, so an untrained model exercises each
// converter with non-trivial numbers (non-zero biases, BN statistics away from 0 and 1) at the
// magnitudes training produces: kernels N(0, 1/fanIn) keep activations near unit scale.
import * as tf from "@tensorflow/tfjs";
import { standardNormalValues } from "./random-windows.js";

/** Standard deviation of the N(0, s^2) vectors (biases, gamma, beta, moving means). */
const VECTOR_SCALE = 0.5;

export function randomizeWeights(model: tf.LayersModel, seed: number): void {
  model.weights.forEach((variable, index) => {
    const { shape, size } = variable.read();
    const normal = standardNormalValues(size, seed + index);
    const values = variable.originalName.endsWith("variance")
      ? normal.map((value) => 0.5 + Math.abs(value))
      : normal.map((value) => value * weightScale(shape, size));
    tf.tidy(() => {
      variable.write(tf.tensor(values, shape));
    });
  });
}

/** A kernel's fan-in is everything but its output axis (Keras stores outputs last). */
function weightScale(shape: readonly number[], size: number): number {
  if (shape.length < 2) return VECTOR_SCALE;
  return 1 / Math.sqrt(size / (shape.at(-1) ?? 1));
}
