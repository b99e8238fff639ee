import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StatisticsPooling } from "../models/layers/statistics-pooling.js";
import { loadModel, MODEL_JSON, saveModel } from "./model-files.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "model-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function savedVoicedModel(): Promise<string> {
  const model = tf.sequential({
    layers: [
      new StatisticsPooling({ name: "stats", inputShape: [6, 4], voicedColumn: 2 }),
      tf.layers.dense({ units: 3, name: "out" }),
    ],
  });
  await saveModel(model, dir);
  return join(dir, MODEL_JSON);
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe("loadModel", () => {
  it("reads back a saved model, its voiced column included", async () => {
    await savedVoicedModel();
    const model = await loadModel(dir);
    expect((model.layers[0] as StatisticsPooling).voicedColumn).toBe(2);
  });

  it("names model.json when a layer's saved config is refused", async () => {
    const file = await savedVoicedModel();
    await edit(file, '"voiced_column":2', '"voiced_column":9');
    await expect(loadModel(dir)).rejects.toMatchObject({
      code: "BAD_MODEL",
      message: expect.stringContaining("voicedColumn 9 is not a column of the input's 4 channels"),
      details: { file, field: "stats.voicedColumn" },
    });
  });

  it("names model.json when tfjs cannot rebuild the model (an unknown layer class)", async () => {
    const file = await savedVoicedModel();
    await edit(file, '"class_name":"StatisticsPooling"', '"class_name":"NoSuchLayer"');
    await expect(loadModel(dir)).rejects.toMatchObject({
      code: "BAD_MODEL",
      message: expect.stringMatching(/cannot be rebuilt: .*NoSuchLayer/),
      details: { file },
    });
  });
});
