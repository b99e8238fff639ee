import { createRandom } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "./backend.js";

type Shape = number[];

function seededTensor(shape: Shape, seed: number): tf.Tensor {
  const random = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => random.next() * 2 - 1),
    shape,
  );
}

/** Gradients of sum(f(inputs) * r) with respect to every input, on the named backend. */
async function gradientsOn(
  backend: "cpu" | "wasm",
  shapes: Shape[],
  f: (...inputs: tf.Tensor[]) => tf.Tensor,
): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const inputs = shapes.map((shape, index) => seededTensor(shape, index + 1));
    const output = f(...inputs);
    const weights = seededTensor(output.shape, 99);
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), weights)))(inputs);
    return grads.map((grad) => grad.dataSync() as Float32Array);
  });
}

async function expectSameGradients(
  shapes: Shape[],
  f: (...inputs: tf.Tensor[]) => tf.Tensor,
): Promise<void> {
  const reference = await gradientsOn("cpu", shapes, f);
  const ours = await gradientsOn("wasm", shapes, f);
  expect(ours.length).toBe(reference.length);
  ours.forEach((grad, index) => {
    const expected = reference[index] as Float32Array;
    expect(grad.length).toBe(expected.length);
    const scale = Math.max(1, ...expected.map(Math.abs));
    let worst = 0;
    grad.forEach((value, i) => {
      worst = Math.max(worst, Math.abs(value - (expected[i] as number)));
    });
    expect(worst / scale).toBeLessThan(1e-5);
  });
}

describe("WASM training kernels agree with the CPU backend", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it.each([
    {
      name: "the paper conv (valid, stride 1)",
      x: [3, 40, 13],
      filter: [10, 13, 6],
      stride: 1,
      pad: "valid" as const,
    },
    { name: "same padding", x: [2, 25, 5], filter: [5, 5, 7], stride: 1, pad: "same" as const },
    {
      name: "stride 2, same padding",
      x: [2, 23, 4],
      filter: [4, 4, 3],
      stride: 2,
      pad: "same" as const,
    },
  ])("conv1d filter and input gradients: $name", async ({ x, filter, stride, pad }) => {
    await expectSameGradients([x, filter], (input, kernel) =>
      tf.conv1d(input as tf.Tensor3D, kernel as tf.Tensor3D, stride, pad),
    );
  });

  it.each([
    {
      x: [2, 9, 7, 3],
      filter: [3, 2, 3, 4],
      strides: [2, 1] as [number, number],
      pad: "same" as const,
    },
    {
      x: [2, 12, 13, 1],
      filter: [10, 13, 1, 5],
      strides: [1, 1] as [number, number],
      pad: "valid" as const,
    },
    {
      x: [1, 8, 8, 2],
      filter: [3, 3, 2, 2],
      strides: [3, 2] as [number, number],
      pad: "valid" as const,
    },
  ])(
    "conv2d filter and input gradients, strides $strides, $pad",
    async ({ x, filter, strides, pad }) => {
      await expectSameGradients([x, filter], (input, kernel) =>
        tf.conv2d(input as tf.Tensor4D, kernel as tf.Tensor4D, strides, pad),
      );
    },
  );

  it.each([
    {
      x: [2, 91, 1, 3],
      pool: [30, 1] as [number, number],
      strides: [3, 1] as [number, number],
      pad: "same" as const,
    },
    {
      x: [2, 17, 6, 4],
      pool: [5, 2] as [number, number],
      strides: [2, 1] as [number, number],
      pad: "same" as const,
    },
    {
      x: [3, 10, 1, 2],
      pool: [2, 1] as [number, number],
      strides: [2, 1] as [number, number],
      pad: "valid" as const,
    },
  ])(
    "max-pool gradient over negative and positive values, pool $pool, $pad",
    async ({ x, pool, strides, pad }) => {
      await expectSameGradients([x], (input) =>
        tf.maxPool(input as tf.Tensor4D, pool, strides, pad),
      );
    },
  );

  it.each([
    { transposeA: false, transposeB: false, a: [5, 7], b: [7, 3] },
    { transposeA: true, transposeB: false, a: [7, 5], b: [7, 3] },
    { transposeA: false, transposeB: true, a: [5, 7], b: [3, 7] },
    { transposeA: true, transposeB: true, a: [2, 7, 5], b: [2, 3, 7] },
  ])(
    "matMul and its gradients, transposeA $transposeA, transposeB $transposeB",
    async ({ transposeA, transposeB, a, b }) => {
      await expectSameGradients([a, b], (x, y) =>
        tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, transposeA, transposeB),
      );
    },
  );

  it("batch-norm gradient equals the gradient of the same formula in elementary ops", async () => {
    await tf.setBackend("wasm");
    const shapes = [[4, 6, 3], [3], [3]];
    const normalise = (fused: boolean) => (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => {
      const { mean, variance } = tf.moments(x, [0, 1]);
      if (fused)
        return tf.batchNorm(x, mean, variance, beta as tf.Tensor1D, gamma as tf.Tensor1D, 1e-3);
      return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-3))), gamma), beta);
    };
    const grads = (fused: boolean) =>
      tf.tidy(() => {
        const inputs = shapes.map((shape, index) => seededTensor(shape, index + 1));
        const weights = seededTensor([4, 6, 3], 99);
        const f = normalise(fused);
        return tf
          .grads((x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(x, g, b), weights)))(
            inputs,
          )
          .map((grad) => Array.from(grad.dataSync()));
      });
    const fused = grads(true);
    grads(false).forEach((expected, index) => {
      for (const [i, value] of (fused[index] ?? []).entries()) {
        expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 4);
      }
    });
  });
});
