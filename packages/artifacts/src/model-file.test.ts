import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ErrorCode,
  MODEL_SEAL_METADATA_KEY,
  QUADRANT_CLASSES,
  sealModelFile,
} from "@emotion-stream/core";
import onnxProto from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fixtureCard,
  fixtureModelBytes,
  fixtureModelWithoutCard,
} from "../test/model-file-fixture.js";
import { readModelFile } from "./model-file.js";
import { sidecarPathOf } from "./model-file-card.js";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "artifacts-model-file-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function modelAt(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, bytes);
  return path;
}

function refusal(code: ErrorCode, details: Record<string, unknown>) {
  return expect.objectContaining({ code, details: expect.objectContaining(details) });
}

describe("readModelFile", () => {
  it("reads the bytes, the card under metadata_props.model_card and the declared shapes", async () => {
    const bytes = fixtureModelBytes();
    const path = await modelAt("embedded.onnx", bytes);
    const file = await readModelFile(path);
    expect(Array.from(file.bytes)).toEqual(Array.from(bytes));
    expect(file).toMatchObject({
      path,
      card: fixtureCard(),
      cardSource: "metadata_props",
      cardLocation: `${path} metadata_props.model_card`,
      seal: "unsealed",
      shapes: { inputShape: [-1, 20, 2], outputShape: [-1, 4] },
    });
  });

  it("prefers a sidecar card to the embedded one, and needs none embedded beside it", async () => {
    const amended = { ...fixtureCard(), name: "amended" };
    for (const [name, bytes] of [
      ["with-card.onnx", fixtureModelBytes()],
      ["without-card.onnx", fixtureModelWithoutCard()],
    ] as const) {
      const path = await modelAt(name, bytes);
      await writeFile(sidecarPathOf(path), JSON.stringify(amended));
      expect(await readModelFile(path)).toMatchObject({
        card: { name: "amended" },
        cardSource: "sidecar",
        cardLocation: sidecarPathOf(path),
      });
    }
  });

  it("reads a sealed file and refuses one whose content no longer matches its seal", async () => {
    const sealed = await sealModelFile(fixtureModelBytes());
    expect(await readModelFile(await modelAt("sealed.onnx", sealed))).toMatchObject({
      seal: "sealed",
      card: fixtureCard(),
    });
    // One flipped bit inside the card's JSON: every parser still takes it, the seal does not.
    const damaged = sealed.slice();
    const year = Buffer.from(damaged).indexOf("2026-11-25");
    damaged[year + 3] = (damaged[year + 3] as number) ^ 0x01;
    const path = await modelAt("damaged.onnx", damaged);
    await expect(readModelFile(path)).rejects.toEqual(
      refusal("BAD_MODEL", { file: path, field: `metadata_props.${MODEL_SEAL_METADATA_KEY}` }),
    );
  });

  it("refuses a missing file, garbage, and a protobuf without a graph, naming the file", async () => {
    const missing = join(directory, "missing.onnx");
    await expect(readModelFile(missing)).rejects.toEqual(
      refusal("MODEL_NOT_FOUND", { file: missing }),
    );
    await expect(readModelFile(directory)).rejects.toEqual(
      refusal("MODEL_NOT_FOUND", { file: directory }),
    );
    for (const [name, bytes] of [
      ["text.onnx", "definitely not protobuf"],
      ["four-bytes.onnx", Uint8Array.of(1, 2, 3, 4)],
    ] as const) {
      const path = await modelAt(name, bytes);
      await expect(readModelFile(path)).rejects.toEqual(refusal("BAD_MODEL", { file: path }));
    }
    const graphless = onnxProto.onnx.ModelProto.encode({
      irVersion: 8,
      metadataProps: [{ key: "model_card", value: JSON.stringify(fixtureCard()) }],
    }).finish();
    const path = await modelAt("graphless.onnx", graphless);
    await expect(readModelFile(path)).rejects.toEqual(
      refusal("BAD_MODEL", { file: path, field: "graph" }),
    );
  });

  it("refuses a missing, unparsable or invalid card, naming the file it came from", async () => {
    const noCard = await modelAt("no-card.onnx", fixtureModelWithoutCard());
    await expect(readModelFile(noCard)).rejects.toEqual(
      refusal("BAD_MODEL_CARD", { file: noCard, field: "metadata_props.model_card" }),
    );
    const notJson = await modelAt("not-json.onnx", fixtureModelBytes({ cardText: "{card" }));
    await expect(readModelFile(notJson)).rejects.toEqual(
      refusal("BAD_MODEL_CARD", { file: notJson, field: "metadata_props.model_card" }),
    );
    const newer = JSON.stringify({ ...fixtureCard(), version: 99 });
    const embedded = await modelAt("newer.onnx", fixtureModelBytes({ cardText: newer }));
    await expect(readModelFile(embedded)).rejects.toEqual(
      refusal("BAD_MODEL_CARD", { file: embedded, field: "version" }),
    );
    const badSidecar = await modelAt("bad-sidecar.onnx", fixtureModelBytes());
    await writeFile(sidecarPathOf(badSidecar), newer);
    await expect(readModelFile(badSidecar)).rejects.toEqual(
      refusal("BAD_MODEL_CARD", { file: sidecarPathOf(badSidecar), field: "version" }),
    );
    await writeFile(sidecarPathOf(badSidecar), "not json");
    await expect(readModelFile(badSidecar)).rejects.toEqual(
      refusal("BAD_MODEL_CARD", { file: sidecarPathOf(badSidecar) }),
    );
  });

  it("declares symbolic axes as -1 and a value without a tensor shape as []", async () => {
    const pooled = await modelAt(
      "pooled.onnx",
      fixtureModelBytes({
        input: ["batch", "frames", 2],
        output: ["batch", QUADRANT_CLASSES.length],
      }),
    );
    expect((await readModelFile(pooled)).shapes).toEqual({
      inputShape: [-1, -1, 2],
      outputShape: [-1, 4],
    });
    const model = onnxProto.onnx.ModelProto.decode(fixtureModelBytes());
    model.graph?.output?.splice(0);
    const noOutput = await modelAt(
      "no-output.onnx",
      onnxProto.onnx.ModelProto.encode(model).finish(),
    );
    expect((await readModelFile(noOutput)).shapes).toEqual({
      inputShape: [-1, 20, 2],
      outputShape: [],
    });
  });
});

describe("sidecarPathOf", () => {
  it("puts `<name>.card.json` beside the model, whatever the case of its extension", () => {
    expect(sidecarPathOf("models/cnn.onnx")).toBe("models/cnn.card.json");
    expect(sidecarPathOf("models/CNN.ONNX")).toBe("models/CNN.card.json");
    expect(sidecarPathOf("models/cnn")).toBe("models/cnn.card.json");
  });
});
