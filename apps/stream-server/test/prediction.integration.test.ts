import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import { speechlikeFrames, TEST_GEOMETRY, useTestServer } from "./helpers/test-server.js";
import { expectedOutputs } from "./helpers/tiny-model.js";

const { windowFrames, hopFrames, dimension } = TEST_GEOMETRY;
// The model's columns in another order than the canonical one: the server must reorder them.
const MODEL_CLASSES = ["sadness", "joy", "pleasure", "anger"] as const;
const MEAN = Array.from({ length: dimension }, (_, d) => d / 10);
const STD = Array.from({ length: dimension }, (_, d) => 1 + d / 5);

function canonicalExpected(frames: Float32Array, window: number): number[] {
  const values = frames.slice(
    window * hopFrames * dimension,
    (window * hopFrames + windowFrames) * dimension,
  );
  const normalised = values.map(
    (value, i) => (value - (MEAN[i % dimension] ?? 0)) / (STD[i % dimension] ?? 1),
  );
  const outputs = expectedOutputs(normalised, dimension);
  return QUADRANT_CLASSES.map((name) => outputs[MODEL_CLASSES.indexOf(name)] ?? Number.NaN);
}

describe("predictions over a real socket with a real ONNX model", () => {
  const test = useTestServer(
    {},
    { classes: MODEL_CLASSES, normalisation: { kind: "global", mean: MEAN, std: STD } },
  );

  it("answers each window with the model's normalised, reordered probabilities, then a summary", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("utterance-1", 7);
    const frames = speechlikeFrames(0, 45);
    // 45 frames in uneven messages: windows end at frames 20, 30 and 40.
    client.sendFrames(7, frames.subarray(0, 17 * dimension));
    client.sendFrames(7, frames.subarray(17 * dimension, 33 * dimension));
    client.sendFrames(7, frames.subarray(33 * dimension));
    const predictions = await Promise.all(
      [0, 1, 2].map((window) => client.next((m) => m.type === "prediction" && m.window === window)),
    );
    for (const [window, prediction] of predictions.entries()) {
      if (prediction.type !== "prediction") throw new Error("not a prediction");
      canonicalExpected(frames, window).forEach((p, c) => {
        expect(prediction.probabilities[c]).toBeCloseTo(p, 5);
      });
      expect(prediction.start).toBeCloseTo(window * hopFrames * 0.01, 9);
      expect(prediction.end).toBeCloseTo((window * hopFrames + windowFrames - 1) * 0.01 + 0.025, 9);
      const [joy, anger, sadness, pleasure] = prediction.probabilities as [
        number,
        number,
        number,
        number,
      ];
      expect(prediction.valence).toBeCloseTo(joy + pleasure - anger - sadness, 5);
      expect(prediction.arousal).toBeCloseTo(joy + anger - sadness - pleasure, 5);
      expect(prediction.top).toBe(
        QUADRANT_CLASSES[prediction.probabilities.indexOf(Math.max(...prediction.probabilities))],
      );
      expect(prediction.latencyMs).toBeGreaterThanOrEqual(0);
    }
    client.send({ type: "end", streamId: "utterance-1" });
    const summary = await client.next((m) => m.type === "summary");
    if (summary.type !== "summary") throw new Error("not a summary");
    expect(summary.windows).toBe(3);
    expect(summary.frames).toBe(45);
    const mean = [0, 1, 2]
      .map((window) => canonicalExpected(frames, window))
      .reduce((sum, row) => sum.map((s, c) => s + (row[c] ?? 0) / 3), [0, 0, 0, 0]);
    mean.forEach((p, c) => {
      expect(summary.probabilities?.[c]).toBeCloseTo(p, 5);
    });
    client.close();
  });

  it("accepts JSON frames as the binary ones", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("json-1", 0);
    const frames = speechlikeFrames(0, windowFrames);
    const rows = Array.from({ length: windowFrames }, (_, t) =>
      Array.from(frames.subarray(t * dimension, (t + 1) * dimension)),
    );
    client.send({ type: "frames", streamId: "json-1", frames: rows });
    const prediction = await client.next((m) => m.type === "prediction");
    if (prediction.type !== "prediction") throw new Error("not a prediction");
    canonicalExpected(frames, 0).forEach((p, c) => {
      expect(prediction.probabilities[c]).toBeCloseTo(p, 5);
    });
    client.close();
  });
});
