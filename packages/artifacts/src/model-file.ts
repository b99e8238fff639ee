// The one reader of a model file (`pnpm trainer export` writes it; the stream server serves it and
// `trainer evaluate` runs it): its bytes, checked against their SHA-256 seal when sealed, its card
// (sidecar or metadata_props) validated, and the shapes its graph declares. Any bad file is an
// EmotionStreamError naming it.
import { readFile } from "node:fs/promises";
import {
  checkModelSeal,
  EmotionStreamError,
  type ModelCard,
  type ModelSealState,
} from "@emotion-stream/core";
import onnxProto, { type onnx } from "onnx-proto";
import { type ModelCardSource, readModelFileCard } from "./model-file-card.js";
import { type DeclaredShapes, declaredShapesOf } from "./model-file-shapes.js";

export interface ModelFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly card: ModelCard;
  readonly cardSource: ModelCardSource;
  /** Where the card was read: the sidecar's path, or `<model> metadata_props.model_card`. */
  readonly cardLocation: string;
  /** Whether the exporter's SHA-256 seal was there (and matched: a mismatch is refused). */
  readonly seal: ModelSealState;
  readonly shapes: DeclaredShapes;
}

/**
 * MODEL_NOT_FOUND when the file cannot be read; BAD_MODEL when it is damaged (seal mismatch) or not
 * an ONNX model; BAD_MODEL_CARD when its card is missing, not JSON or not a valid card.
 */
export async function readModelFile(path: string): Promise<ModelFile> {
  const bytes = await readBytes(path);
  const seal = await checkModelSeal(bytes, path);
  const { graph, metadataProps } = decodeModel(bytes, path);
  const { card, source, location } = await readModelFileCard(path, metadataProps);
  return {
    path,
    bytes,
    card,
    cardSource: source,
    cardLocation: location,
    seal,
    shapes: declaredShapesOf(graph),
  };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw new EmotionStreamError(
      "MODEL_NOT_FOUND",
      `cannot read model file: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
}

interface DecodedModel {
  readonly graph: onnx.IGraphProto;
  readonly metadataProps: readonly onnx.IStringStringEntryProto[];
}

/** The parts of the ModelProto a reader needs; a protobuf without a graph is not a model either. */
function decodeModel(bytes: Uint8Array, path: string): DecodedModel {
  let model: onnx.ModelProto;
  try {
    model = onnxProto.onnx.ModelProto.decode(bytes);
  } catch (cause) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `not an ONNX model: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
  const { graph } = model;
  if (graph === null || graph === undefined) {
    throw new EmotionStreamError("BAD_MODEL", "not an ONNX model: it has no graph", {
      file: path,
      field: "graph",
    });
  }
  return { graph, metadataProps: model.metadataProps };
}
