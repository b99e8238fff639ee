// The gradient of FusedBatchNorm as tfjs-core ships it tiles 1/sqrt(variance + eps) to the full
// input shape before multiplying; the WASM backend's Tile kernel walks that tensor element by
// element and dominated training time of batch-normalised presets. Broadcasting gives the same
// numbers without materialising the tiled tensor. Backend-independent, so it is registered once
// for all backends; the other partial derivatives are tfjs-core's formulas unchanged.
import * as tf from "@tensorflow/tfjs";

const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
  const [x, mean, variance, scale] = saved as [
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor | undefined,
  ];
  const epsilon = (attrs as unknown as tf.FusedBatchNormAttrs).varianceEpsilon;
  const scaleValue = scale ?? tf.scalar(1);
  const reductionAxes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
  const reduce = (t: tf.Tensor) => (mean.rank === 1 ? tf.sum(t, reductionAxes) : t);
  const xMinusMean = tf.sub(x, mean);
  const dyTimesScale = tf.mul(dy, scaleValue);
  const oneOverSqrtVariance = tf.rsqrt(tf.add(variance, tf.scalar(epsilon)));
  const minusHalfRCube = tf.mul(tf.pow(oneOverSqrtVariance, 3), tf.scalar(-0.5));
  return {
    x: () => tf.reshape(tf.mul(dy, tf.mul(oneOverSqrtVariance, scaleValue)), x.shape),
    mean: () => tf.reshape(reduce(tf.neg(tf.mul(oneOverSqrtVariance, dyTimesScale))), mean.shape),
    variance: () =>
      tf.reshape(reduce(tf.mul(tf.mul(minusHalfRCube, xMinusMean), dyTimesScale)), mean.shape),
    scale: () =>
      tf.reshape(reduce(tf.mul(dy, tf.mul(xMinusMean, oneOverSqrtVariance))), mean.shape),
    offset: () => tf.reshape(reduce(dy), mean.shape),
  };
};

export function registerBatchNormGradient(): void {
  tf.registerGradient({
    kernelName: tf.FusedBatchNorm,
    inputsToSave: ["x", "mean", "variance", "scale"],
    gradFunc: gradFunc as tf.GradConfig["gradFunc"],
  });
}
