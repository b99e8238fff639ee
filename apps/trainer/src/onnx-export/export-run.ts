// Loads a training run's tfjs model and card and exports it to ONNX with the card embedded. The graph takes windows normalised exactly as the card's
// `normalisation` says (that is not baked into the graph: per-speaker and per-corpus statistics
// depend on who is speaking, so the caller — the stream server — applies it, as training did).
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  RUN_FILES,
  readRunJson,
  readRunStatus,
  writeFileAtomically,
} from "@emotion-stream/artifacts";
import {
  EmotionStreamError,
  MODEL_CARD_METADATA_KEY,
  type ModelCard,
  modelInputDimension,
  modelInputDimensionField,
  parseModelCard,
  sealModelFile,
} from "@emotion-stream/core";
import type * as tf from "@tensorflow/tfjs";
import { loadModel } from "../training/model-files.js";
import { layersModelToOnnx } from "./layers-model-to-onnx.js";

/** metadata_props key saying what the caller must do to windows before feeding them in. */
export const INPUT_NORMALISATION_METADATA_KEY = "input_normalisation";

export interface LoadedRun {
  readonly runDirectory: string;
  readonly card: ModelCard;
  readonly model: tf.LayersModel;
}

/** A finished run's card and model; an unfinished run's model may be absent or not the selected one. */
export async function loadRun(runDirectory: string): Promise<LoadedRun> {
  const { status } = await readRunStatus(runDirectory);
  if (status !== "finished") {
    throw new EmotionStreamError("RUN_NOT_FOUND", `the run is ${status}, not finished`, {
      file: join(runDirectory, RUN_FILES.status),
      expected: "finished",
      received: status,
    });
  }
  const cardPath = join(runDirectory, RUN_FILES.modelCard);
  const stored = await readRunJson(runDirectory, "modelCard");
  if (stored === undefined) {
    throw new EmotionStreamError("RUN_NOT_FOUND", "no model card in the run", { file: cardPath });
  }
  const card = parseModelCard(stored, cardPath);
  const model = await loadModel(join(runDirectory, RUN_FILES.model));
  checkModelMatchesCard(model, card, runDirectory);
  return { runDirectory, card, model };
}

/** The model must take [batch, windowFrames, dimension] and give one column per class. */
function checkModelMatchesCard(model: tf.LayersModel, card: ModelCard, runDirectory: string): void {
  const inputShape = model.inputs[0]?.shape ?? [];
  const outputShape = model.outputs[0]?.shape ?? [];
  const inputDimension = modelInputDimension(card.featureSet.dimension, card.languageInput);
  const expectedInput = `[batch, ${card.window.windowFrames}, ${inputDimension}]`;
  const expectedOutput = `[batch, ${card.classes.length}]`;
  const receivedInput = `[batch, ${inputShape.slice(1).join(", ")}]`;
  const receivedOutput = `[batch, ${outputShape.slice(1).join(", ")}]`;
  // The first card field the model disagrees with, so the error names it.
  const field = [
    ["window.windowFrames", card.window.windowFrames, inputShape[1]],
    [modelInputDimensionField(card.languageInput), inputDimension, inputShape[2]],
    ["classes", card.classes.length, outputShape[1]],
  ].find(([, expected, received]) => expected !== received)?.[0] as string | undefined;
  if (receivedInput !== expectedInput || receivedOutput !== expectedOutput) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      "the run's model does not take the input or give the output its card describes",
      {
        file: join(runDirectory, RUN_FILES.model),
        ...(field === undefined ? {} : { field }),
        expected: `${expectedInput} -> ${expectedOutput}`,
        received: `${receivedInput} -> ${receivedOutput}`,
      },
    );
  }
}

/**
 * The ONNX bytes of a loaded run: the converted graph plus the card in metadata_props, sealed with
 * their SHA-256 (core's model-file seal) so a reader can tell a damaged copy.
 */
export async function exportRunToOnnx(
  run: LoadedRun,
  producerVersion: string,
): Promise<Uint8Array> {
  const bytes = layersModelToOnnx(run.model, {
    producerVersion,
    metadata: {
      [MODEL_CARD_METADATA_KEY]: JSON.stringify(run.card),
      [INPUT_NORMALISATION_METADATA_KEY]: `not in the graph: normalise windows as ${MODEL_CARD_METADATA_KEY}.normalisation (kind ${run.card.normalisation.kind}) says`,
    },
  });
  return sealModelFile(bytes);
}

/** Written atomically, so a server watching the path never reads half a file. */
export async function writeOnnxFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, bytes);
}
