// Model selection on validation UAR: a snapshot of the weights of the best epoch so far, restored
// when training ends early or finishes past its best.
import * as tf from "@tensorflow/tfjs";

export interface BestWeights {
  readonly epoch: number;
  readonly uar: number;
  /** Keeps the model's current weights if `uar` beats the best so far; returns whether it did. */
  offer(model: tf.LayersModel, epoch: number, uar: number): boolean;
  restore(model: tf.LayersModel): void;
  dispose(): void;
}

export function createBestWeights(): BestWeights {
  let snapshot: tf.Tensor[] = [];
  let best = { epoch: -1, uar: Number.NEGATIVE_INFINITY };
  return {
    get epoch() {
      return best.epoch;
    },
    get uar() {
      return best.uar;
    },
    offer(model, epoch, uar) {
      if (!(uar > best.uar)) return false;
      tf.dispose(snapshot);
      snapshot = model.getWeights().map((weight) => tf.clone(weight));
      best = { epoch, uar };
      return true;
    },
    restore(model) {
      if (snapshot.length > 0) model.setWeights(snapshot);
    },
    dispose() {
      tf.dispose(snapshot);
      snapshot = [];
    },
  };
}
