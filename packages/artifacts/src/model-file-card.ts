// Where a model file's card comes from: a sidecar `<name>.card.json` beside the model, which takes
// precedence so an operator can amend a card without re-exporting, or else the JSON the trainer's
// exporter put under the ONNX metadata_props key "model_card". Either is validated as core's card.
import { readFile } from "node:fs/promises";
import {
  EmotionStreamError,
  MODEL_CARD_METADATA_KEY,
  type ModelCard,
  parseModelCard,
} from "@emotion-stream/core";
import type { onnx } from "onnx-proto";

export type ModelCardSource = "metadata_props" | "sidecar";

export interface ModelFileCard {
  readonly card: ModelCard;
  readonly source: ModelCardSource;
  /** Where the card was read: the sidecar's path, or `<model> metadata_props.model_card`. */
  readonly location: string;
}

const EMBEDDED_FIELD = `metadata_props.${MODEL_CARD_METADATA_KEY}`;

/** `models/cnn.onnx` -> `models/cnn.card.json`. */
export function sidecarPathOf(modelPath: string): string {
  return `${modelPath.replace(/\.onnx$/i, "")}.card.json`;
}

/** The card of the model at `modelPath`, whose ModelProto carries `metadataProps`. */
export async function readModelFileCard(
  modelPath: string,
  metadataProps: readonly onnx.IStringStringEntryProto[],
): Promise<ModelFileCard> {
  const sidecarPath = sidecarPathOf(modelPath);
  const sidecar = await readSidecar(sidecarPath);
  if (sidecar !== undefined) {
    return {
      card: parseModelCard(parseCardJson(sidecar, { file: sidecarPath }), sidecarPath),
      source: "sidecar",
      location: sidecarPath,
    };
  }
  const embedded = metadataProps.find((entry) => entry.key === MODEL_CARD_METADATA_KEY);
  if (embedded?.value === undefined || embedded.value === null) {
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `model has no card: no metadata_props key "${MODEL_CARD_METADATA_KEY}" and no ${sidecarPath}`,
      { file: modelPath, field: EMBEDDED_FIELD },
    );
  }
  const json = parseCardJson(embedded.value, { file: modelPath, field: EMBEDDED_FIELD });
  return {
    card: parseModelCard(json, modelPath),
    source: "metadata_props",
    location: `${modelPath} ${EMBEDDED_FIELD}`,
  };
}

async function readSidecar(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `cannot read card: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
}

function parseCardJson(text: string, where: { file: string; field?: string }): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      `card is not valid JSON: ${(cause as Error).message}`,
      where,
      { cause },
    );
  }
}
