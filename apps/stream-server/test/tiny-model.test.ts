import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { expectedOutputs, tinyModelBytes } from "./helpers/tiny-model.js";

describe("the tiny test model", () => {
  it("runs in onnxruntime and answers as its JavaScript reference does", async () => {
    const session = await ort.InferenceSession.create(
      tinyModelBytes({ windowFrames: 5, symbolicFrames: true }),
    );
    const window = Float32Array.from({ length: 5 * 13 }, (_, i) => Math.sin(i));
    const output = await session.run({ features: new ort.Tensor("float32", window, [1, 5, 13]) });
    const probabilities = Array.from(output.probabilities?.data as Float32Array);
    expectedOutputs(window, 13).forEach((p, c) => {
      expect(probabilities[c]).toBeCloseTo(p, 5);
    });
    await session.release();
  });
});
