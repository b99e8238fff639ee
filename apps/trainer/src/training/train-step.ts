// One optimiser step on one batch: forward in training mode (dropout on, batch norm on batch
// statistics), weighted cross-entropy, gradients of every trainable weight, Adam update.
import * as tf from "@tensorflow/tfjs";
import { weightedCrossEntropy } from "./weighted-cross-entropy.js";

export interface TrainStep {
  /** Returns the batch loss. */
  run(x: tf.Tensor3D, labels: Int32Array): number;
}

export function createTrainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  classes: number,
  classWeights?: Float32Array,
): TrainStep {
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  return {
    run(x, labels) {
      const loss = tf.tidy(() => {
        const oneHot = tf.oneHot(tf.tensor1d(labels, "int32"), classes) as tf.Tensor2D;
        const weights =
          classWeights === undefined
            ? undefined
            : tf.tensor1d(Float32Array.from(labels, (label) => classWeights[label] ?? 0));
        return optimizer.minimize(
          () =>
            weightedCrossEntropy(oneHot, model.apply(x, { training: true }) as tf.Tensor, weights),
          true,
          variables,
        ) as tf.Scalar;
      });
      const value = loss.dataSync()[0] as number;
      loss.dispose();
      return value;
    },
  };
}
