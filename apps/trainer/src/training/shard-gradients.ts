// Loss and gradients of one shard of a batch, without applying them: the unit of work both the
// main thread and the gradient workers do in data-parallel training.
import * as tf from "@tensorflow/tfjs";
import { weightedCrossEntropy } from "./weighted-cross-entropy.js";

/** Windows of one batch (or shard) on the host: size x frames x dimension values, row-major. */
export interface HostBatch {
  readonly size: number;
  readonly frames: number;
  readonly dimension: number;
  readonly values: Float32Array;
  readonly labels: Int32Array;
}

export interface ShardGradients {
  /** Mean (weighted) loss over the shard. */
  readonly loss: number;
  /** One per trainable variable, in `model.trainableWeights` order; the caller disposes them. */
  readonly gradients: tf.Tensor[];
}

export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((weight) => weight.read() as tf.Variable);
}

export function shardGradients(
  model: tf.LayersModel,
  variables: tf.Variable[],
  batch: HostBatch,
  classes: number,
  classWeights?: Float32Array,
): ShardGradients {
  const { value, grads } = tf.tidy(() => {
    const x = tf.tensor3d(batch.values.subarray(0, batch.size * batch.frames * batch.dimension), [
      batch.size,
      batch.frames,
      batch.dimension,
    ]);
    const labels = batch.labels.subarray(0, batch.size);
    const oneHot = tf.oneHot(tf.tensor1d(labels, "int32"), classes) as tf.Tensor2D;
    const weights =
      classWeights === undefined
        ? undefined
        : tf.tensor1d(Float32Array.from(labels, (label) => classWeights[label] ?? 0));
    return tf.variableGrads(
      () => weightedCrossEntropy(oneHot, model.apply(x, { training: true }) as tf.Tensor, weights),
      variables,
    );
  });
  const loss = value.dataSync()[0] as number;
  value.dispose();
  return { loss, gradients: variables.map((variable) => grads[variable.name] as tf.Tensor) };
}
