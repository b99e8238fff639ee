// Statistics pooling over time (x-vector style): [batch, time, channels] -> [batch, 2 * channels],
// the per-channel mean followed by the per-channel standard deviation,
//   mean_c = (1/T) sum_t x[t, c]
//   std_c  = sqrt((1/T) sum_t (x[t, c] - mean_c)^2 + epsilon)
// so an utterance summary keeps spread as well as level. Stable class name and config
// ({ epsilon }) because saved models and the ONNX exporter refer to both.
import * as tf from "@tensorflow/tfjs";

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Keras layer arguments (name, inputShape, and batchInputShape when a saved model is read back). */
export interface StatisticsPoolingArgs extends LayerArgs {
  /** Added to the variance before the square root so its gradient stays finite. */
  readonly epsilon?: number;
}

export class StatisticsPooling extends tf.layers.Layer {
  static readonly className = "StatisticsPooling";
  readonly epsilon: number;

  constructor(args: StatisticsPoolingArgs = {}) {
    const { epsilon, ...layerArgs } = args;
    super(layerArgs);
    this.epsilon = epsilon ?? 1e-5;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[2];
    return [shape[0] ?? null, channels == null ? null : 2 * channels];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
      const mean = tf.mean(x, 1, true);
      const variance = tf.mean(tf.square(tf.sub(x, mean)), 1);
      const std = tf.sqrt(tf.add(variance, this.epsilon));
      return tf.concat([tf.squeeze(mean, [1]), std], -1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), epsilon: this.epsilon };
  }
}

tf.serialization.registerClass(StatisticsPooling);
