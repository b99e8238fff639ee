// One optimiser step on one batch: forward in training mode (dropout on, batch norm on batch
// statistics), weighted cross-entropy, gradients of every trainable weight, Adam update. With
// gradient workers the batch is split into shards computed in parallel (one per core) and the
// gradients are averaged, weighted by shard size, before the single update on this thread.
import * as tf from "@tensorflow/tfjs";
import type { GradientWorkers } from "./gradient-workers.js";
import { type HostBatch, shardGradients, trainableVariables } from "./shard-gradients.js";

export interface TrainStep {
  /** Returns the batch loss. */
  run(batch: HostBatch): Promise<number>;
}

export interface TrainStepOptions {
  readonly classes: number;
  readonly classWeights?: Float32Array;
  readonly workers?: GradientWorkers;
  /** L2 penalty on kernels (the recipe's `weightDecay`); 0 or absent: none. */
  readonly weightDecay?: number;
}

/** Kernels of dense and convolution layers; biases and batch-norm parameters are not decayed. */
const isKernel = (variable: tf.Variable) => /kernel(_\d+)?$/.test(variable.name);

/** Contiguous shards of near-equal size; the first is this thread's. */
export function splitBatch(batch: HostBatch, parts: number): HostBatch[] {
  const windowSize = batch.frames * batch.dimension;
  const shards: HostBatch[] = [];
  let start = 0;
  for (let part = 0; part < parts; part++) {
    const size = Math.floor((batch.size * (part + 1)) / parts) - start;
    if (size > 0) {
      shards.push({
        ...batch,
        size,
        values: batch.values.slice(start * windowSize, (start + size) * windowSize),
        labels: batch.labels.slice(start, start + size),
      });
    }
    start += size;
  }
  return shards;
}

export function createTrainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: TrainStepOptions,
): TrainStep {
  const variables = trainableVariables(model);
  const weightDecay = options.weightDecay ?? 0;
  const apply = (gradients: tf.Tensor[]) => {
    // The penalty's gradient is added once, here, after the shards' gradients are combined.
    const decayed = tf.tidy(() =>
      variables.map((variable, index) => {
        const gradient = gradients[index] as tf.Tensor;
        return weightDecay > 0 && isKernel(variable)
          ? tf.add(gradient, tf.mul(variable, weightDecay))
          : tf.clone(gradient);
      }),
    );
    tf.dispose(gradients);
    optimizer.applyGradients(
      variables.map((variable, index) => ({
        name: variable.name,
        tensor: decayed[index] as tf.Tensor,
      })),
    );
    tf.dispose(decayed);
  };
  const { workers } = options;
  if (workers === undefined || workers.count === 0) {
    return {
      async run(batch) {
        const { loss, gradients } = shardGradients(
          model,
          variables,
          batch,
          options.classes,
          options.classWeights,
        );
        apply(gradients);
        return loss;
      },
    };
  }
  return {
    async run(batch) {
      const [own, ...others] = splitBatch(batch, workers.count + 1);
      if (own === undefined) return Number.NaN;
      const weights = model.getWeights().map((weight) => weight.dataSync() as Float32Array);
      const remote = workers.compute(weights, others);
      const local = shardGradients(model, variables, own, options.classes, options.classWeights);
      const results = await remote;
      const combined = tf.tidy(() =>
        local.gradients.map((gradient, index) =>
          results.reduce(
            (sum, result, worker) =>
              tf.add(
                sum,
                tf.mul(
                  tf.tensor(result.gradients[index] as Float32Array, gradient.shape),
                  (others[worker]?.size ?? 0) / batch.size,
                ),
              ),
            tf.mul(gradient, own.size / batch.size),
          ),
        ),
      );
      tf.dispose(local.gradients);
      apply(combined);
      return results.reduce(
        (sum, result, worker) => sum + (result.loss * (others[worker]?.size ?? 0)) / batch.size,
        (local.loss * own.size) / batch.size,
      );
    },
  };
}
