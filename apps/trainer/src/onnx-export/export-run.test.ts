import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  checkModelSeal,
  isEmotionStreamError,
  MODEL_CARD_METADATA_KEY,
  parseModelCard,
} from "@emotion-stream/core";
import onnxProto from "onnx-proto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FIXTURE_RUN_FRAMES,
  fixtureRunCard,
  markFixtureRun,
  writeFixtureRun,
} from "../../test/fixtures/export-run-fixture.js";
import { cardConsistentRandomWindows } from "./card-consistent-windows.js";
import { exportRunToOnnx, loadRun } from "./export-run.js";
import { verifyExport } from "./verify-export.js";

describe("exporting a training run", () => {
  let runDirectory: string;

  beforeEach(async () => {
    runDirectory = await mkdtemp(join(tmpdir(), "export-run-"));
  });

  afterEach(async () => {
    await rm(runDirectory, { recursive: true, force: true });
  });

  it("embeds the card, names input and output, and reproduces the saved model", async () => {
    const card = fixtureRunCard(FIXTURE_RUN_FRAMES);
    await writeFixtureRun(runDirectory, card);
    const run = await loadRun(runDirectory);
    const bytes = await exportRunToOnnx(run, "test");
    expect(await checkModelSeal(bytes, "model.onnx")).toBe("sealed");
    const decoded = onnxProto.onnx.ModelProto.decode(bytes);
    const embedded = decoded.metadataProps.find((entry) => entry.key === MODEL_CARD_METADATA_KEY);
    expect(parseModelCard(JSON.parse(embedded?.value ?? "null"))).toEqual(card);
    const graph = onnxProto.onnx.GraphProto.create(decoded.graph ?? {});
    expect(graph.input.map((input) => input.name)).toEqual(["features"]);
    expect(graph.output.map((output) => output.name)).toEqual(["probabilities"]);
    const inputDims = graph.input[0]?.type?.tensorType?.shape?.dim ?? [];
    expect(inputDims.map((dim) => dim.dimParam || Number(dim.dimValue))).toEqual([
      "batch",
      FIXTURE_RUN_FRAMES,
      13,
    ]);
    const { windows } = cardConsistentRandomWindows(card, 16, 2);
    expect((await verifyExport(run.model, bytes, windows)).passed).toBe(true);
  });

  it("refuses a model whose input is not the card's window", async () => {
    await writeFixtureRun(runDirectory, fixtureRunCard(FIXTURE_RUN_FRAMES + 1));
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "BAD_MODEL")).toBe(true);
  });

  it("refuses a run that did not finish", async () => {
    await writeFixtureRun(runDirectory);
    await markFixtureRun(runDirectory, "interrupted");
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "RUN_NOT_FOUND")).toBe(true);
    expect(error).toMatchObject({ details: { received: "interrupted" } });
  });

  it("says RUN_NOT_FOUND when the run has no card", async () => {
    await writeFixtureRun(runDirectory, null);
    const error = await loadRun(runDirectory).catch((caught: unknown) => caught);
    expect(isEmotionStreamError(error, "RUN_NOT_FOUND")).toBe(true);
  });
});
