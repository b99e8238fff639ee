// Unsupervised adaptation to another corpus, AdaBN (Li et al., "Revisiting Batch Normalization
// for Practical Domain Adaptation", 2016): batch normalisation scales each channel with statistics
// of the training data; on another corpus (recording, speakers, acting) the same channel sits
// elsewhere. Re-estimating the statistics on the target's unlabelled windows, layer by layer in
// order (each layer's input computed with the layers before it already adapted), removes that
// shift without a single target label; the learnt scale and shift stay as trained.
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { forEachPredictedBatch } from "./evaluation.js";
import type { LabelledWindows } from "./labelled-windows.js";

export function batchNormalisationLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((layer) => layer.getClassName() === "BatchNormalization");
}

/** Fails naming the preset when its network has nothing AdaBN could adapt. */
export function assertAdaptable(model: tf.LayersModel, presetName: string): void {
  if (batchNormalisationLayers(model).length > 0) return;
  throw new EmotionStreamError(
    "BAD_CONFIG",
    `preset ${presetName} has no batch normalisation layer, so --adapt-batchnorm cannot adapt it: choose a preset with batch normalisation, such as the default`,
    { value: presetName },
  );
}

/**
 * Runs `use` with `model`'s batch-normalisation statistics taken from `windows` instead of the
 * training data, and puts the trained statistics back afterwards, whatever `use` does.
 */
export async function withBatchNormalisationAdaptedTo<Result>(
  model: tf.LayersModel,
  windows: LabelledWindows,
  use: (model: tf.LayersModel) => Promise<Result>,
): Promise<Result> {
  const layers = batchNormalisationLayers(model);
  const trained = layers.map((layer) => layer.getWeights().map((weight) => tf.clone(weight)));
  try {
    await estimateBatchNormalisation(model, windows);
    return await use(model);
  } finally {
    for (const [index, layer] of layers.entries()) layer.setWeights(trained[index] ?? []);
    tf.dispose(trained.flat());
  }
}

/**
 * Sets every batch-normalisation layer's moving statistics to the exact statistics of its input
 * over `windows`, layer by layer in order (each layer's input computed with the layers before it
 * already set).
 */
async function estimateBatchNormalisation(
  model: tf.LayersModel,
  windows: LabelledWindows,
): Promise<void> {
  for (const layer of batchNormalisationLayers(model)) {
    const moments = await inputMoments(model, layer, windows);
    setMovingStatistics(layer, moments);
    tf.dispose([moments.mean, moments.variance]);
  }
}

interface Moments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/** Per-channel mean and (population) variance of `layer`'s input over every window and step. */
async function inputMoments(
  model: tf.LayersModel,
  layer: tf.layers.Layer,
  windows: LabelledWindows,
): Promise<Moments> {
  const input = layer.input as tf.SymbolicTensor;
  // Shares the model's layers and weights: nothing of its own to dispose.
  const probe = tf.model({ inputs: model.inputs, outputs: input });
  const channels = input.shape[input.shape.length - 1] as number;
  const sum = new Float64Array(channels);
  const squares = new Float64Array(channels);
  let rows = 0;
  await forEachPredictedBatch(probe, windows, (output) => {
    for (let offset = 0; offset < output.length; offset += channels) {
      for (let channel = 0; channel < channels; channel++) {
        const value = output[offset + channel] as number;
        sum[channel] = (sum[channel] ?? 0) + value;
        squares[channel] = (squares[channel] ?? 0) + value * value;
      }
    }
    rows += output.length / channels;
  });
  if (rows === 0) {
    throw new EmotionStreamError("EMPTY_SPLIT", "no windows to adapt batch normalisation to", {});
  }
  const mean = Float32Array.from(sum, (total) => total / rows);
  const variance = Float32Array.from(squares, (total, channel) =>
    Math.max(0, total / rows - (mean[channel] as number) ** 2),
  );
  return { mean: tf.tensor1d(mean), variance: tf.tensor1d(variance) };
}

function setMovingStatistics(layer: tf.layers.Layer, moments: Moments): void {
  const names = layer.weights.map((weight) => weight.originalName ?? weight.name);
  const weights = layer.getWeights().map((weight, index) => {
    const name = names[index] ?? "";
    if (name.endsWith("moving_mean")) return moments.mean;
    if (name.endsWith("moving_variance")) return moments.variance;
    return weight;
  });
  layer.setWeights(weights);
}
