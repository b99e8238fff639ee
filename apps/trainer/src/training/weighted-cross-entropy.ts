// Categorical cross-entropy on softmax outputs, optionally weighted per example:
//   loss = (1/B) sum_i w_i * -sum_c y_ic log(clip(p_ic, eps, 1 - eps))
// (Keras's clipping, so a saturated softmax cannot give log 0).
import * as tf from "@tensorflow/tfjs";

const EPSILON = 1e-7;

export function weightedCrossEntropy(
  oneHot: tf.Tensor2D,
  probabilities: tf.Tensor,
  weights?: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => {
    const clipped = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
    const perExample = tf.neg(tf.sum(tf.mul(oneHot, tf.log(clipped)), -1));
    return tf.mean(weights === undefined ? perExample : tf.mul(perExample, weights));
  });
}
