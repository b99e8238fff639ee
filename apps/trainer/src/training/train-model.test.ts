import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom, cutWindows, type ModelWindow } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { getPreset } from "../models/presets/registry.js";
import { selectBackend } from "../tfjs/backend.js";
import { type LabelledUtterance, labelledWindows } from "./labelled-windows.js";
import { loadModel, saveModel } from "./model-files.js";
import { trainModel } from "./train-model.js";

/** Utterances whose class shows as a mean offset of one coefficient: learnable in a few epochs. */
function syntheticUtterances(count: number, seed: number, dimension: number): LabelledUtterance[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const label = index % 4;
    const frames = 40;
    const data = Float32Array.from(
      { length: frames * dimension },
      (_, i) => (i % dimension === label ? 1.5 : 0) + (random.next() - 0.5),
    );
    return { features: { frames, dimension, data }, label };
  });
}

/** Windows of 30 frames every 10. */
const tiny: ModelWindow = { windowFrames: 30, hopFrames: 10, rule: { kind: "fixed" } };

function windowsOf(utterances: LabelledUtterance[]) {
  const frameCounts = utterances.map((utterance) => utterance.features.frames);
  return labelledWindows(utterances, cutWindows(tiny, frameCounts), tiny.windowFrames);
}

async function trainTiny(presetName: string, seed: number) {
  const preset = getPreset(presetName);
  const dimension = preset.featureSet === "mfcc0_12" ? 13 : 39;
  return trainModel({
    preset,
    recipe: { epochs: 3, batchSize: 16 },
    seed,
    train: windowsOf(syntheticUtterances(48, 1, dimension)),
    validation: windowsOf(syntheticUtterances(16, 2, dimension)),
    baseDimension: 13,
  });
}

describe("trainModel", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it("same seed and data on the same backend give the same history", async () => {
    const first = await trainTiny("cnn1d-bn-statpool", 7);
    const second = await trainTiny("cnn1d-bn-statpool", 7);
    const metrics = (h: typeof first.history) =>
      h.map(({ loss, validationUar }) => ({ loss, validationUar }));
    expect(metrics(second.history)).toEqual(metrics(first.history));
    expect(first.history.length).toBeGreaterThan(0);
  });

  it("the paper network learns a separable toy task and survives a save/load round trip", async () => {
    const trained = await trainTiny("paper", 3);
    expect(trained.history.map((record) => record.epoch)).toEqual([1, 2, 3]);
    expect(trained.selectedEpoch).toBe(3);
    expect(trained.history.at(-1)?.validationUar).toBeGreaterThan(0.5);
    const directory = await mkdtemp(join(tmpdir(), "trainer-model-"));
    try {
      await saveModel(trained.model, directory);
      const loaded = await loadModel(directory);
      const x = tf.randomNormal([2, tiny.windowFrames, 13]);
      const expected = (trained.model.predict(x) as tf.Tensor).dataSync();
      expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(expected));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe("trainModel with a gradient worker", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it("trains data-parallel, reproducibly for a seed", async () => {
    const preset = getPreset("paper");
    const run = () =>
      trainModel({
        preset,
        recipe: { epochs: 2, batchSize: 16 },
        seed: 5,
        train: windowsOf(syntheticUtterances(32, 1, 13)),
        validation: windowsOf(syntheticUtterances(8, 2, 13)),
        workers: 1,
      });
    const first = await run();
    const second = await run();
    expect(first.history.every((record) => Number.isFinite(record.loss))).toBe(true);
    expect(second.history.map((record) => record.loss)).toEqual(
      first.history.map((record) => record.loss),
    );
  }, 60_000);
});
