import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { StatisticsPooling } from "./statistics-pooling.js";

function expectCloseTo(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, value] of actual.entries()) expect(value).toBeCloseTo(expected[i] as number, 5);
}

describe("StatisticsPooling", () => {
  it("outputs per-channel means then standard deviations over time", () => {
    // One item, 4 frames, 2 channels: channel 0 = 1,2,3,4 (mean 2.5, variance 1.25), channel 1 constant 3.
    const x = tf.tensor3d([
      [
        [1, 3],
        [2, 3],
        [3, 3],
        [4, 3],
      ],
    ]);
    const out = new StatisticsPooling({ epsilon: 0 }).apply(x) as tf.Tensor;
    expect(out.shape).toEqual([1, 4]);
    const [m0, m1, s0, s1] = Array.from(out.dataSync());
    expect(m0).toBeCloseTo(2.5, 6);
    expect(m1).toBeCloseTo(3, 6);
    expect(s0).toBeCloseTo(Math.sqrt(1.25), 6);
    expect(s1).toBeCloseTo(0, 6);
  });

  it("adds epsilon to the variance and keeps it in its config", () => {
    const layer = new StatisticsPooling({ epsilon: 0.25 });
    const out = layer.apply(tf.ones([1, 3, 1])) as tf.Tensor;
    expect(Array.from(out.dataSync())).toEqual([1, 0.5]);
    expect(layer.getConfig().epsilon).toBe(0.25);
    expect(layer.computeOutputShape([null, 7, 5])).toEqual([null, 10]);
  });

  it("as a model's first layer survives a save and reload (its input shape is serialised)", async () => {
    const model = tf.sequential({
      layers: [
        new StatisticsPooling({ inputShape: [5, 2], name: "stats" }),
        tf.layers.dense({ units: 3, name: "out" }),
      ],
    });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
      }),
    );
    const reloaded = await tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
    expect(reloaded.inputs[0]?.shape).toEqual([null, 5, 2]);
    const x = tf.randomNormal([2, 5, 2]);
    const before = (model.predict(x) as tf.Tensor).dataSync();
    expect(Array.from((reloaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(before));
  });

  it("with voicedColumn adds mean and std over the frames whose F0 lies above the window's floor", () => {
    // Channel 1 is F0 after normalisation: unvoiced frames hold its lowest value, -2.
    const x = tf.tensor3d([
      [
        [10, -2],
        [1, 0.5],
        [3, 1.5],
        [20, -2],
      ],
    ]);
    const out = new StatisticsPooling({ epsilon: 0, voicedColumn: 1 }).apply(x) as tf.Tensor;
    expect(out.shape).toEqual([1, 8]);
    const values = Array.from(out.dataSync());
    const expected = [8.5, -0.5, Math.sqrt(55.25), Math.sqrt(2.375), 2, 1, 1, 0.5];
    expectCloseTo(values, expected);
  });

  it("gives voiced statistics 0 and sqrt(epsilon) for a window without a voiced frame", () => {
    const x = tf.tensor3d([
      [
        [4, -1],
        [6, -1],
      ],
    ]);
    const out = new StatisticsPooling({ epsilon: 0.04, voicedColumn: 1 }).apply(x) as tf.Tensor;
    const values = Array.from(out.dataSync());
    expectCloseTo(values, [5, -1, Math.sqrt(1.04), 0.2, 0, 0, 0.2, 0.2]);
  });

  it("keeps voicedColumn in its config only when set, and refuses one that is not a column", () => {
    expect(new StatisticsPooling().getConfig()).not.toHaveProperty("voicedColumn");
    const layer = new StatisticsPooling({ voicedColumn: 3 });
    expect(layer.getConfig().voicedColumn).toBe(3);
    expect(layer.computeOutputShape([null, 7, 5])).toEqual([null, 20]);
    for (const column of [3, -1, 1.5]) {
      const refused = new StatisticsPooling({ name: "stats", voicedColumn: column });
      expect(() => refused.apply(tf.zeros([1, 4, 2]))).toThrow(
        `StatisticsPooling stats: voicedColumn ${column} is not a column of the input's 2 channels`,
      );
    }
  });
});
