// Reads a model file and its card: the card is JSON under the ONNX metadata_props key "model_card"
// (written by the trainer's exporter), or in a sidecar `<name>.card.json` beside the model, which
// takes precedence so an operator can amend a card without re-exporting.
import { readFile } from "node:fs/promises";
import {
  checkModelSeal,
  EmotionStreamError,
  MODEL_CARD_METADATA_KEY,
  type ModelSealState,
} from "@emotion-stream/core";
import onnxProto from "onnx-proto";

export interface ModelFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The parsed JSON of the card, not validated yet. */
  readonly card: unknown;
  readonly cardSource: "metadata_props" | "sidecar";
  /** Whether the exporter's SHA-256 seal was there (and matched: a mismatch is refused). */
  readonly seal: ModelSealState;
}

/** `models/cnn.onnx` -> `models/cnn.card.json`. */
export function sidecarPathOf(modelPath: string): string {
  return `${modelPath.replace(/\.onnx$/i, "")}.card.json`;
}

export async function readModelFile(path: string): Promise<ModelFile> {
  const bytes = await readBytes(path);
  const seal = await checkModelSeal(bytes, path);
  const sidecar = await readSidecar(sidecarPathOf(path));
  if (sidecar !== undefined) {
    return {
      path,
      bytes,
      card: parseCardJson(sidecar, sidecarPathOf(path)),
      cardSource: "sidecar",
      seal,
    };
  }
  const embedded = embeddedCardText(bytes, path);
  if (embedded === undefined) {
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `model has no card: no metadata_props key "${MODEL_CARD_METADATA_KEY}" and no ${sidecarPathOf(path)}`,
      { file: path },
    );
  }
  return { path, bytes, card: parseCardJson(embedded, path), cardSource: "metadata_props", seal };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new EmotionStreamError(
      "MODEL_NOT_FOUND",
      `cannot read model file: ${(error as Error).message}`,
      {
        file: path,
      },
    );
  }
}

async function readSidecar(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `cannot read card: ${(error as Error).message}`,
      { file: path },
    );
  }
}

function embeddedCardText(bytes: Uint8Array, path: string): string | undefined {
  let model: ReturnType<typeof onnxProto.onnx.ModelProto.decode>;
  try {
    model = onnxProto.onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new EmotionStreamError("BAD_MODEL", `not an ONNX model: ${(error as Error).message}`, {
      file: path,
    });
  }
  return (
    model.metadataProps.find((entry) => entry.key === MODEL_CARD_METADATA_KEY)?.value ?? undefined
  );
}

function parseCardJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `card is not valid JSON: ${(error as Error).message}`,
      { file },
    );
  }
}
