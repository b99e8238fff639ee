// Saves and loads a tfjs Layers model as the standard `model.json` + `weights.bin` pair through a
// file IO handler of our own (tf.io's file:// handler lives in tfjs-node, which may not load).
// Files are written to temporary names and renamed, so a reader never sees half a model.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
// Registers the custom layers so a saved model that uses them deserialises.
import "../models/layers/functionals-pooling.js";
import "../models/layers/statistics-pooling.js";

export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

interface ModelJson {
  readonly format: "layers-model";
  readonly generatedBy: string;
  readonly convertedBy: null;
  readonly modelTopology: object;
  readonly weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

function fileSaver(directory: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      if (
        artifacts.modelTopology === undefined ||
        artifacts.weightSpecs === undefined ||
        artifacts.weightData === undefined
      ) {
        throw new EmotionStreamError(
          "INTERNAL_ERROR",
          "a Layers model saved without topology or weights",
        );
      }
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const json: ModelJson = {
        format: "layers-model",
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology as object,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs }],
      };
      await writeFileAtomically(join(directory, WEIGHTS_BIN), weights);
      await writeFileAtomically(join(directory, MODEL_JSON), JSON.stringify(json));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

function fileLoader(directory: string): tf.io.IOHandler {
  return {
    async load() {
      const modelPath = join(directory, MODEL_JSON);
      let json: ModelJson;
      let weights: Buffer;
      try {
        json = JSON.parse(await readFile(modelPath, "utf8")) as ModelJson;
        weights = await readFile(join(directory, WEIGHTS_BIN));
      } catch (cause) {
        throw new EmotionStreamError(
          "MODEL_NOT_FOUND",
          "no readable tfjs model in the directory",
          { file: directory },
          { cause },
        );
      }
      if (json.format !== "layers-model" || json.weightsManifest.length !== 1) {
        throw new EmotionStreamError(
          "BAD_MODEL",
          "model.json is not a single-shard tfjs Layers model",
          { file: modelPath },
        );
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]?.weights ?? [],
        weightData: new Uint8Array(weights).buffer,
        format: json.format,
        generatedBy: json.generatedBy,
      };
    },
  };
}

export async function saveModel(model: tf.LayersModel, directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  await model.save(fileSaver(directory));
}

/** The saved model; any failure to read or rebuild it names its model.json. */
export async function loadModel(directory: string): Promise<tf.LayersModel> {
  const file = join(directory, MODEL_JSON);
  try {
    return await tf.loadLayersModel(fileLoader(directory));
  } catch (error) {
    if (error instanceof EmotionStreamError) {
      if (error.details.file !== undefined) throw error;
      throw new EmotionStreamError(
        error.code,
        error.message,
        { ...error.details, file },
        { cause: error },
      );
    }
    // tfjs's own errors (an unknown layer class, weights of the wrong shape) are plain Errors.
    const message = error instanceof Error ? error.message : String(error);
    throw new EmotionStreamError(
      "BAD_MODEL",
      `the saved model cannot be rebuilt: ${message}`,
      { file },
      { cause: error },
    );
  }
}
