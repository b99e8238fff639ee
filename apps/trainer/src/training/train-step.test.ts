import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../tfjs/backend.js";
import { createTrainStep, splitBatch } from "./train-step.js";

describe("splitBatch", () => {
  it("cuts a batch into contiguous shards of near-equal size covering every window once", () => {
    const batch = {
      size: 5,
      frames: 2,
      dimension: 1,
      values: Float32Array.from({ length: 12 }, (_, i) => i),
      labels: Int32Array.from([0, 1, 2, 3, 0, 9]),
    };
    const shards = splitBatch(batch, 2);
    expect(shards.map((shard) => shard.size)).toEqual([2, 3]);
    expect(shards.map((shard) => Array.from(shard.values))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7, 8, 9],
    ]);
    expect(shards.map((shard) => Array.from(shard.labels))).toEqual([
      [0, 1],
      [2, 3, 0],
    ]);
  });

  it("leaves out empty shards when there are more parts than windows", () => {
    const batch = {
      size: 1,
      frames: 1,
      dimension: 1,
      values: new Float32Array([7]),
      labels: new Int32Array([2]),
    };
    expect(splitBatch(batch, 3).map((shard) => shard.size)).toEqual([1]);
  });
});

describe("createTrainStep weight decay", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  /** Kernel and bias after one plain SGD step (learning rate 1) from the same initial weights. */
  async function stepWith(weightDecay: number) {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [2, 3] }),
        tf.layers.dense({ units: 4, activation: "softmax", name: "out" }),
      ],
    });
    const kernel = Float32Array.from({ length: 24 }, (_, i) => (i % 5) * 0.1 - 0.2);
    model.setWeights([tf.tensor2d(kernel, [6, 4]), tf.tensor1d([0.1, -0.1, 0.2, 0])]);
    const optimizer = tf.train.sgd(1);
    const step = createTrainStep(model, optimizer, { classes: 4, weightDecay });
    await step.run({
      size: 2,
      frames: 2,
      dimension: 3,
      values: Float32Array.from({ length: 12 }, (_, i) => Math.sin(i)),
      labels: Int32Array.from([1, 3]),
    });
    const [after, bias] = model.getWeights().map((w) => Array.from(w.dataSync()));
    optimizer.dispose();
    model.dispose();
    return { kernel, after: after as number[], bias: bias as number[] };
  }

  it("adds weightDecay * w to kernel gradients only, not to biases", async () => {
    const plain = await stepWith(0);
    const decayed = await stepWith(0.5);
    // With SGD at learning rate 1 the decayed kernel is the plain one minus 0.5 * w.
    decayed.after.forEach((value, i) => {
      expect(value).toBeCloseTo((plain.after[i] as number) - 0.5 * (plain.kernel[i] as number), 5);
    });
    expect(decayed.bias).toEqual(plain.bias);
  });
});
