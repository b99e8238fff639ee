import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isEmotionStreamError, type ModelCard, parseModelCard } from "@emotion-stream/core";
import { resolveFeatureSet } from "@emotion-stream/features";
import onnxProto from "onnx-proto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPaperNetwork } from "../models/presets/paper.js";
import { RUN_STATUS_FILE } from "../runs/run-directory.js";
import { saveModel } from "../training/model-files.js";
import { cardConsistentRandomWindows } from "./card-consistent-windows.js";
import {
  exportRunToOnnx,
  loadRun,
  MODEL_CARD_METADATA_KEY,
  RUN_MODEL_CARD_FILE,
  RUN_MODEL_DIRECTORY,
} from "./export-run.js";
import { randomizeWeights } from "./random-weights.js";
import { verifyExport } from "./verify-export.js";

const FRAMES = 40;

function sampleCard(windowFrames: number): ModelCard {
  const featureSet = resolveFeatureSet("mfcc0_12").spec;
  return {
    format: "emotion-stream/model-card",
    version: 1,
    name: "paper-test",
    createdAt: "2026-11-25T13:00:00.000Z",
    classes: ["joy", "anger", "sadness", "pleasure"],
    labelMapping: {},
    featureSet,
    window: { windowFrames, hopFrames: 10, rule: { kind: "fixed" } },
    normalisation: {
      kind: "global",
      mean: new Array<number>(featureSet.dimension).fill(0),
      std: new Array<number>(featureSet.dimension).fill(1),
    },
    aggregation: "mean-probability",
    trainingData: {
      corpora: [
        {
          name: "synthetic",
          adapter: "manifest",
          language: "en",
          utterances: 4,
          speakers: 2,
          countsPerClass: { joy: 1, anger: 1, sadness: 1, pleasure: 1 },
          skipped: {},
        },
      ],
    },
    preset: { name: "paper", hyperparameters: {} },
    metrics: [],
    tools: { emotionStream: "0.0.0-test", tfjs: "4.22.0", backend: "cpu" },
  };
}

describe("exporting a training run", () => {
  const markRun = (status: string) =>
    writeFile(
      join(runDirectory, RUN_STATUS_FILE),
      JSON.stringify({ status, updatedAt: "2026-11-25T13:00:00Z" }),
    );

  let runDirectory: string;

  beforeEach(async () => {
    runDirectory = await mkdtemp(join(tmpdir(), "export-run-"));
    const model = buildPaperNetwork({ frames: FRAMES, dimension: 13, classes: 4 });
    randomizeWeights(model, 4);
    await mkdir(join(runDirectory, RUN_MODEL_DIRECTORY));
    await saveModel(model, join(runDirectory, RUN_MODEL_DIRECTORY));
    await markRun("finished");
  });

  afterEach(async () => {
    await rm(runDirectory, { recursive: true, force: true });
  });

  it("embeds the card, names input and output, and reproduces the saved model", async () => {
    const card = sampleCard(FRAMES);
    await writeFile(join(runDirectory, RUN_MODEL_CARD_FILE), JSON.stringify(card));
    const run = await loadRun(runDirectory);
    const bytes = exportRunToOnnx(run, "test");
    const decoded = onnxProto.onnx.ModelProto.decode(bytes);
    const embedded = decoded.metadataProps.find((entry) => entry.key === MODEL_CARD_METADATA_KEY);
    expect(parseModelCard(JSON.parse(embedded?.value ?? "null"))).toEqual(card);
    const graph = onnxProto.onnx.GraphProto.create(decoded.graph ?? {});
    expect(graph.input.map((input) => input.name)).toEqual(["features"]);
    expect(graph.output.map((output) => output.name)).toEqual(["probabilities"]);
    const inputDims = graph.input[0]?.type?.tensorType?.shape?.dim ?? [];
    expect(inputDims.map((dim) => dim.dimParam || Number(dim.dimValue))).toEqual([
      "batch",
      FRAMES,
      13,
    ]);
    const { windows } = cardConsistentRandomWindows(card, 16, 2);
    expect((await verifyExport(run.model, bytes, windows)).passed).toBe(true);
  });

  it("refuses a model whose input is not the card's window", async () => {
    await writeFile(
      join(runDirectory, RUN_MODEL_CARD_FILE),
      JSON.stringify(sampleCard(FRAMES + 1)),
    );
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "BAD_MODEL")).toBe(true);
  });

  it("refuses a run that did not finish", async () => {
    await writeFile(join(runDirectory, RUN_MODEL_CARD_FILE), JSON.stringify(sampleCard(FRAMES)));
    await markRun("interrupted");
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "RUN_NOT_FOUND")).toBe(true);
    expect(error).toMatchObject({ details: { received: "interrupted" } });
  });

  it("says RUN_NOT_FOUND when the run has no card", async () => {
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "RUN_NOT_FOUND")).toBe(true);
  });
});
