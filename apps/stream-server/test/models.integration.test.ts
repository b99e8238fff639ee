// Loading models: the card from metadata_props or a sidecar, graph and card checked against each
// other, ids from file names or `id=path`, and a models directory whose bad files are skipped.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import onnxProto from "onnx-proto";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startStreamServer } from "../src/server.js";
import { RawClient } from "./helpers/raw-client.js";
import { tinyModelBytes, tinyModelCard, writeTinyModel } from "./helpers/tiny-model.js";

const silent = pino({ level: "silent" });

describe("model loading", () => {
  const directories: string[] = [];
  afterEach(async () => {
    for (const directory of directories.splice(0))
      await rm(directory, { recursive: true, force: true });
  });

  async function directory(): Promise<string> {
    const path = await mkdtemp(join(tmpdir(), "stream-models-"));
    directories.push(path);
    return path;
  }

  async function listModels(port: number) {
    return (await fetch(`http://127.0.0.1:${port}/models`)).json() as Promise<
      { id: string; cardSource: string; card: { name: string } }[]
    >;
  }

  it("names models by file or by id=path, and prefers a sidecar card to the embedded one", async () => {
    const dir = await directory();
    const first = await writeTinyModel(dir, "first", { windowFrames: 20, hopFrames: 10 });
    const second = await writeTinyModel(dir, "second", { windowFrames: 20, hopFrames: 10 });
    await writeFile(
      join(dir, "second.card.json"),
      JSON.stringify({ ...tinyModelCard({ windowFrames: 20, hopFrames: 10 }), name: "amended" }),
    );
    const server = await startStreamServer(
      { port: 0, models: [first, `renamed=${second}`], watch: false },
      silent,
    );
    try {
      expect(await listModels(server.port)).toMatchObject([
        { id: "first", cardSource: "metadata_props", card: { name: "tiny-1" } },
        { id: "renamed", cardSource: "sidecar", card: { name: "amended" } },
      ]);
    } finally {
      await server.close();
    }
  });

  it("refuses at start a model without a card, with a bad card, or whose graph does not fit its card", async () => {
    const dir = await directory();
    const noCard = onnxProto.onnx.ModelProto.decode(tinyModelBytes());
    noCard.metadataProps = [];
    const noCardPath = join(dir, "no-card.onnx");
    await writeFile(noCardPath, onnxProto.onnx.ModelProto.encode(noCard).finish());
    const badCardPath = await writeTinyModel(dir, "bad-card");
    await writeFile(
      join(dir, "bad-card.card.json"),
      JSON.stringify({ ...tinyModelCard(), version: 99 }),
    );
    const misfitPath = await writeTinyModel(dir, "misfit", { windowFrames: 20 });
    await writeFile(
      join(dir, "misfit.card.json"),
      JSON.stringify(tinyModelCard({ windowFrames: 30 })),
    );
    const notOnnx = join(dir, "not-onnx.onnx");
    await writeFile(notOnnx, "definitely not protobuf");
    for (const [path, code] of [
      [noCardPath, "BAD_MODEL_CARD"],
      [badCardPath, "BAD_MODEL_CARD"],
      [misfitPath, "BAD_MODEL"],
      [notOnnx, "BAD_MODEL"],
      [join(dir, "missing.onnx"), "MODEL_NOT_FOUND"],
    ] as const) {
      await expect(
        startStreamServer({ port: 0, models: [path], watch: false }, silent),
      ).rejects.toMatchObject({ code });
    }
  });

  it("serves a directory's good models, skips its bad files, and picks up new files", async () => {
    const dir = await directory();
    await writeTinyModel(dir, "alpha", { windowFrames: 20, hopFrames: 10 });
    await writeFile(join(dir, "broken.onnx"), "not a model");
    const server = await startStreamServer({ port: 0, modelsDir: dir, watch: true }, silent);
    try {
      expect((await listModels(server.port)).map((model) => model.id)).toEqual(["alpha"]);
      await writeTinyModel(dir, "beta", { windowFrames: 20, hopFrames: 10 });
      const deadline = Date.now() + 5000;
      while (!(await listModels(server.port)).some((model) => model.id === "beta")) {
        if (Date.now() > deadline) throw new Error("beta was never loaded");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await server.close();
    }
  });

  it("refuses PCM for a model whose card states features this extractor does not compute", async () => {
    const dir = await directory();
    const path = await writeTinyModel(dir, "other-features", { windowFrames: 20, hopFrames: 10 });
    const card = tinyModelCard({ windowFrames: 20, hopFrames: 10 });
    const params = { ...card.featureSet.params, "mfcc.cepLifter": 0 };
    await writeFile(
      join(dir, "other-features.card.json"),
      JSON.stringify({ ...card, featureSet: { ...card.featureSet, params } }),
    );
    const server = await startStreamServer({ port: 0, models: [path], watch: false }, silent);
    try {
      const client = await RawClient.hello(server.url, "producer");
      const pcm = { kind: "pcm", encoding: "s16le", sampleRate: 16000 };
      client.sendOpen("mic", 1, pcm, "other-features");
      expect(await client.error("FEATURE_SPEC_MISMATCH")).toMatchObject({ streamId: "mic" });
      await client.open("frames", 2, { kind: "features" }, "other-features");
      client.close();
    } finally {
      await server.close();
    }
  });
});
