// Statistics pooling over time (x-vector style): [batch, time, channels] -> [batch, 2 * channels],
// the per-channel mean followed by the per-channel standard deviation,
//   mean_c = (1/T) sum_t x[t, c]
//   std_c  = sqrt((1/T) sum_t (x[t, c] - mean_c)^2 + epsilon)
// so an utterance summary keeps spread as well as level.
//
// With `voicedColumn` (the F0 column) the same two statistics follow over the voiced frames only,
// [batch, 4 * channels]: the pitch, formants and level of the voice itself, whatever the share of
// pauses and consonants in the window (what carries sadness across corpora; docs/benchmarks.md).
// F0 is 0 on unvoiced frames before normalisation, so after any per-channel affine normalisation
// every unvoiced frame of a window holds the window's lowest F0 value: a frame is voiced when its
// F0 lies above that floor. With p = (1/T) sum_t v[t] the voiced share (v = 1 or 0),
//   vmean_c = (1/T) sum_t v[t] x[t, c] / max(p, VOICED_SHARE_FLOOR)
//   vstd_c  = sqrt((1/T) sum_t v[t] (x[t, c] - vmean_c)^2 / max(p, VOICED_SHARE_FLOOR) + epsilon)
// (a window without a voiced frame gives 0 and sqrt(epsilon)). Stable class name and config
// ({ epsilon, voicedColumn }) because saved models and the ONNX exporter refer to both.
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** How far above the window's lowest F0 a frame's must lie to count as voiced (normalised units). */
export const VOICED_MARGIN = 1e-3;
/** Keeps the voiced statistics' division finite; the numerators are 0 when nothing is voiced. */
export const VOICED_SHARE_FLOOR = 1e-6;

/** Keras layer arguments (name, inputShape, and batchInputShape when a saved model is read back). */
export interface StatisticsPoolingArgs extends LayerArgs {
  /** Added to the variance before the square root so its gradient stays finite. */
  readonly epsilon?: number;
  /** The F0 column: mean and std over voiced frames follow the plain ones; absent = plain only. */
  readonly voicedColumn?: number | null;
}

/** An integer index in [0, channels); a saved model's config may hold anything. */
function isColumnOf(column: unknown, channels: number): boolean {
  return typeof column === "number" && Number.isInteger(column) && column >= 0 && column < channels;
}

export class StatisticsPooling extends tf.layers.Layer {
  static readonly className = "StatisticsPooling";
  readonly epsilon: number;
  readonly voicedColumn: number | null;

  constructor(args: StatisticsPoolingArgs = {}) {
    const { epsilon, voicedColumn, ...layerArgs } = args;
    super(layerArgs);
    this.epsilon = epsilon ?? 1e-5;
    this.voicedColumn = voicedColumn ?? null;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[2];
    const statistics = this.voicedColumn === null ? 2 : 4;
    return [shape[0] ?? null, channels == null ? null : statistics * channels];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[2];
    const column = this.voicedColumn;
    if (column !== null && channels != null && !isColumnOf(column, channels)) {
      throw new EmotionStreamError(
        "BAD_MODEL",
        `StatisticsPooling ${this.name}: voicedColumn ${column} is not a column of the input's ${channels} channels`,
        { field: `${this.name}.voicedColumn`, value: column },
      );
    }
    super.build(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [mean, std] = this.meanAndStd(x, null);
      if (this.voicedColumn === null) return tf.concat([mean, std], -1);
      const f0 = tf.slice(x, [0, 0, this.voicedColumn], [-1, -1, 1]);
      const floor = tf.add(tf.min(f0, 1, true), VOICED_MARGIN);
      const voiced = tf.cast(tf.greater(f0, floor), "float32");
      return tf.concat([mean, std, ...this.meanAndStd(x, voiced)], -1);
    });
  }

  /** Mean and std over time, over every frame or (weights 1/0 per frame) over the weighted ones. */
  private meanAndStd(x: tf.Tensor3D, weights: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
    const share =
      weights === null ? null : tf.maximum(tf.mean(weights, 1, true), VOICED_SHARE_FLOOR);
    const average = (value: tf.Tensor, keepDims: boolean) => {
      if (weights === null || share === null) return tf.mean(value, 1, keepDims);
      const weighted = tf.div(tf.mean(tf.mul(value, weights), 1, true), share);
      return keepDims ? weighted : tf.squeeze(weighted, [1]);
    };
    const mean = average(x, true);
    const variance = average(tf.square(tf.sub(x, mean)), false);
    return [tf.squeeze(mean, [1]), tf.sqrt(tf.add(variance, this.epsilon))];
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = { ...super.getConfig(), epsilon: this.epsilon };
    if (this.voicedColumn !== null) config.voicedColumn = this.voicedColumn;
    return config;
  }
}

tf.serialization.registerClass(StatisticsPooling);
