// An exported `.onnx` file as an evaluated model, run on onnxruntime-node: a sealed file must match
// its seal, the card comes from the file's metadata_props (where the exporter put it), and the
// graph's declared input and output must agree with it before any window is fed in.
import { readFile } from "node:fs/promises";
import {
  checkModelSeal,
  EmotionStreamError,
  MODEL_CARD_METADATA_KEY,
  type ModelCard,
  parseModelCard,
} from "@emotion-stream/core";
import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { predictWithOnnxruntime } from "../onnx-export/model-inference.js";
import { type LabelledWindows, windowRange } from "../training/labelled-windows.js";
import type { EvaluatedModel, ModelShape } from "./evaluated-model.js";
import { checkModelShape } from "./model-card-match.js";

/** Windows materialised per inference call; bounds memory on large corpora. */
const BATCH_WINDOWS = 256;

type ModelProto = ReturnType<typeof onnxProto.onnx.ModelProto.decode>;

export async function openOnnxFile(path: string): Promise<EvaluatedModel> {
  const bytes = await readModelBytes(path);
  await checkModelSeal(bytes, path);
  const proto = decodeModel(bytes, path);
  const card = embeddedCard(proto, path);
  checkModelShape(card, declaredShape(proto), path);
  const session = await ort.InferenceSession.create(bytes);
  return {
    card,
    reference: {
      kind: "onnx",
      path,
      cardSource: `${path} metadata_props.${MODEL_CARD_METADATA_KEY}`,
    },
    predict: (windows) => predictInBatches(session, windows),
    close: () => session.release(),
  };
}

async function readModelBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw new EmotionStreamError(
      "MODEL_NOT_FOUND",
      "cannot read the ONNX file",
      { file: path },
      { cause },
    );
  }
}

function decodeModel(bytes: Uint8Array, path: string): ModelProto {
  try {
    return onnxProto.onnx.ModelProto.decode(bytes);
  } catch (cause) {
    throw new EmotionStreamError("BAD_MODEL", "not an ONNX model", { file: path }, { cause });
  }
}

function embeddedCard(proto: ModelProto, path: string): ModelCard {
  const field = `metadata_props.${MODEL_CARD_METADATA_KEY}`;
  const text = proto.metadataProps.find((entry) => entry.key === MODEL_CARD_METADATA_KEY)?.value;
  if (text === undefined || text === null) {
    throw new EmotionStreamError("BAD_MODEL_CARD", "the ONNX file carries no model card", {
      file: path,
      field,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new EmotionStreamError(
      "BAD_MODEL_CARD",
      "the embedded model card is not JSON",
      { file: path, field },
      { cause },
    );
  }
  return parseModelCard(json, path);
}

/** [batch, frames, dimension] -> [batch, classes] as the graph declares them. */
function declaredShape(proto: ModelProto): ModelShape {
  const input = dimensionsOf(proto.graph?.input?.[0]);
  const output = dimensionsOf(proto.graph?.output?.[0]);
  return { frames: input[1], dimension: input[2], classes: output[1] };
}

/** Fixed sizes of a value's dimensions; undefined for symbolic (dim_param) ones. */
function dimensionsOf(value: onnx.IValueInfoProto | null | undefined): (number | undefined)[] {
  const dims = value?.type?.tensorType?.shape?.dim ?? [];
  return dims.map(({ dimValue }) => {
    if (dimValue === null || dimValue === undefined) return undefined;
    return typeof dimValue === "number" ? dimValue : dimValue.toNumber();
  });
}

async function predictInBatches(
  session: ort.InferenceSession,
  windows: LabelledWindows,
): Promise<Float32Array> {
  const size = windows.frames * windows.dimension;
  const buffer = new Float32Array(BATCH_WINDOWS * size);
  const parts: Float32Array[] = [];
  for (let start = 0; start < windows.count; start += BATCH_WINDOWS) {
    const count = Math.min(BATCH_WINDOWS, windows.count - start);
    await windows.readWindows(windowRange(start, start + count), buffer);
    const batch = {
      count,
      frames: windows.frames,
      dimension: windows.dimension,
      data: buffer.subarray(0, count * size),
    };
    parts.push(await predictWithOnnxruntime(session, ort.Tensor, batch));
  }
  const posteriors = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    posteriors.set(part, offset);
    offset += part.length;
  }
  return posteriors;
}
