// Unsupervised adaptation to another corpus, AdaBN (Li et al., "Revisiting Batch Normalization
// for Practical Domain Adaptation", 2016): batch normalisation scales each channel with statistics
// of the training data; on another corpus (recording, speakers, acting) the same channel sits
// elsewhere. Re-estimating the statistics on the target's unlabelled windows, layer by layer in
// order (each layer's input computed with the layers before it already adapted), removes that
// shift without a single target label; the learnt scale and shift stay as trained.
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { type LabelledWindows, windowRange } from "./labelled-windows.js";

const ADAPTATION_BATCH = 256;

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
  // Shares the model's layers and weights: nothing of its own to dispose.
  const probe = tf.model({ inputs: model.inputs, outputs: layer.input as tf.SymbolicTensor });
  const size = windows.frames * windows.dimension;
  const buffer = new Float32Array(ADAPTATION_BATCH * size);
  let sum: Float64Array | undefined;
  let squares: Float64Array | undefined;
  let rows = 0;
  for (let start = 0; start < windows.count; start += ADAPTATION_BATCH) {
    const end = Math.min(windows.count, start + ADAPTATION_BATCH);
    await windows.readWindows(windowRange(start, end), buffer);
    const values = buffer.subarray(0, (end - start) * size);
    const output = tf.tidy(
      () =>
        probe.predict(
          tf.tensor3d(values, [end - start, windows.frames, windows.dimension]),
        ) as tf.Tensor,
    );
    const channels = output.shape[output.shape.length - 1] as number;
    const data = output.dataSync();
    output.dispose();
    sum ??= new Float64Array(channels);
    squares ??= new Float64Array(channels);
    for (let offset = 0; offset < data.length; offset += channels) {
      for (let channel = 0; channel < channels; channel++) {
        const value = data[offset + channel] as number;
        sum[channel] = (sum[channel] ?? 0) + value;
        squares[channel] = (squares[channel] ?? 0) + value * value;
      }
    }
    rows += data.length / channels;
  }
  if (sum === undefined || squares === undefined || rows === 0) {
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
