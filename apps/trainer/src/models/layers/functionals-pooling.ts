// Utterance functionals over time, in the graph: [batch, time, channels] -> [batch, 10 * channels],
// for each channel (over the T frames of the window, t = 0..T-1, t̄ = (T - 1) / 2):
//   mean, std                      mean_t x, sqrt(m2 + epsilon), m_k = mean_t (x - mean)^k
//   max, min, range                over t
//   linregc1, linregc2, linregerrQ the least-squares line over t: slope = mean_t((t - t̄)(x - mean))
//                                  / mean_t((t - t̄)^2), offset at t = 0 = mean - slope t̄, and its
//                                  mean squared error = max(m2 - slope^2 mean_t((t - t̄)^2), 0)
//   skewness, kurtosis             m3 / (m2 + epsilon)^1.5, m4 / (m2 + epsilon)^2
// the functionals openSMILE's IS09 set takes of each LLD (its Extremes, Regression and Moments
// components, positions left out), in the model so that training, evaluation and the stream server
// compute them on exactly the same window. Groups are concatenated functional by functional
// ([mean of every channel, std of every channel, ...]), as StatisticsPooling does. Stable class
// name and config ({ epsilon }) because saved models and the ONNX exporter refer to both.
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export const FUNCTIONALS = [
  "mean",
  "std",
  "max",
  "min",
  "range",
  "linregc1",
  "linregc2",
  "linregerrQ",
  "skewness",
  "kurtosis",
] as const;

export interface FunctionalsPoolingArgs extends LayerArgs {
  /** Added to the second moment before the square root and the ratios, so they stay finite. */
  readonly epsilon?: number;
}

export class FunctionalsPooling extends tf.layers.Layer {
  static readonly className = "FunctionalsPooling";
  readonly epsilon: number;

  constructor(args: FunctionalsPoolingArgs = {}) {
    const { epsilon, ...layerArgs } = args;
    super(layerArgs);
    this.epsilon = epsilon ?? 1e-5;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[2];
    return [shape[0] ?? null, channels == null ? null : FUNCTIONALS.length * channels];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    if (shape[1] == null || shape[1] < 2) {
      throw new EmotionStreamError(
        "BAD_MODEL",
        `FunctionalsPooling ${this.name} needs a fixed number of frames (at least 2), not ${shape[1]}`,
        { field: `${this.name}.inputShape` },
      );
    }
    super.build(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const frames = x.shape[1];
      const ramp = centredRamp(frames);
      const rampVariance = rampVarianceOf(frames);
      const mean = tf.mean(x, 1, true);
      const centred = tf.sub(x, mean);
      const squared = tf.square(centred);
      const m2 = tf.mean(squared, 1);
      const m3 = tf.mean(tf.mul(squared, centred), 1);
      const m4 = tf.mean(tf.square(squared), 1);
      const m2e = tf.add(m2, this.epsilon);
      const std = tf.sqrt(m2e);
      const max = tf.max(x, 1);
      const min = tf.min(x, 1);
      const slope = tf.div(tf.mean(tf.mul(centred, ramp), 1), rampVariance);
      const flatMean = tf.squeeze(mean, [1]);
      const offset = tf.sub(flatMean, tf.mul(slope, (frames - 1) / 2));
      const error = tf.relu(tf.sub(m2, tf.mul(tf.square(slope), rampVariance)));
      const skewness = tf.div(m3, tf.mul(m2e, std));
      const kurtosis = tf.div(m4, tf.square(m2e));
      return tf.concat(
        [flatMean, std, max, min, tf.sub(max, min), slope, offset, error, skewness, kurtosis],
        -1,
      );
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), epsilon: this.epsilon };
  }
}

/** [1, T, 1]: t - (T - 1) / 2 for t = 0..T-1. */
export function centredRamp(frames: number): tf.Tensor3D {
  const centre = (frames - 1) / 2;
  return tf.tensor3d(
    Float32Array.from({ length: frames }, (_, t) => t - centre),
    [1, frames, 1],
  );
}

/** mean_t (t - t̄)^2 = (T^2 - 1) / 12. */
export function rampVarianceOf(frames: number): number {
  return (frames * frames - 1) / 12;
}

tf.serialization.registerClass(FunctionalsPooling);
