// A small but real ONNX model for tests, built with onnx-proto: the mean of the window's frames over
// time, a linear layer and a softmax, with its model card in metadata_props as the exporter writes
// it. `expectedProbabilities` computes the same in JavaScript, so tests can check served numbers.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { floatValueInfo } from "@emotion-stream/artifacts/testing";
import type {
  FeatureSetName,
  LanguageInput,
  ModelCard,
  Normalisation,
  QuadrantClass,
} from "@emotion-stream/core";
import {
  MODEL_CARD_METADATA_KEY,
  modelInputDimension,
  QUADRANT_CLASSES,
  sealModelFile,
} from "@emotion-stream/core";
import { fixtureModelCard } from "@emotion-stream/core/testing";
import { getFeatureSet } from "@emotion-stream/features";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

export interface TinyModelOptions {
  readonly featureSet?: FeatureSetName;
  readonly windowFrames?: number;
  readonly hopFrames?: number;
  /** The model's output column order. */
  readonly classes?: readonly QuadrantClass[];
  readonly normalisation?: Normalisation;
  /** Changes the weights, so two versions of a model answer differently. */
  readonly seed?: number;
  /** Leave the frames axis symbolic, as the exporter does for networks that pool over time. */
  readonly symbolicFrames?: boolean;
  /** A functionals set's live window (the card's window.functionals). */
  readonly functionalsWindow?: { readonly frames: number; readonly hopFrames: number };
  /** A language-aware model: its input has these language columns after each frame. */
  readonly languageInput?: LanguageInput;
}

interface ResolvedOptions {
  readonly featureSet: FeatureSetName;
  readonly windowFrames: number;
  readonly hopFrames: number;
  readonly classes: readonly QuadrantClass[];
  readonly normalisation: Normalisation;
  readonly seed: number;
  readonly symbolicFrames: boolean;
}

function resolve(options: TinyModelOptions): ResolvedOptions {
  return {
    featureSet: "mfcc0_12",
    windowFrames: 300,
    hopFrames: 50,
    classes: QUADRANT_CLASSES,
    normalisation: { kind: "none" },
    seed: 1,
    symbolicFrames: false,
    ...options,
  };
}

export function tinyModelCard(options: TinyModelOptions = {}): ModelCard {
  const resolved = resolve(options);
  return fixtureModelCard({
    name: `tiny-${resolved.seed}`,
    classes: [...resolved.classes],
    featureSet: getFeatureSet(resolved.featureSet).spec,
    window: {
      windowFrames: resolved.windowFrames,
      hopFrames: resolved.hopFrames,
      rule: { kind: "fixed" },
      ...(options.functionalsWindow === undefined
        ? {}
        : { functionals: options.functionalsWindow }),
    },
    normalisation: resolved.normalisation,
    ...(options.languageInput === undefined ? {} : { languageInput: options.languageInput }),
    preset: { name: "tiny-mean-linear", hyperparameters: {} },
  });
}

/** dimension x classes weights, row-major; deterministic in the seed. */
export function tinyModelWeights(dimension: number, seed = 1): Float32Array {
  return Float32Array.from(
    { length: dimension * 4 },
    (_, i) => (((i * 7 + seed * 3) % 11) - 5) / 20,
  );
}

export function tinyModelBytes(options: TinyModelOptions = {}): Uint8Array {
  const resolved = resolve(options);
  const card = tinyModelCard(options);
  const dimension = modelInputDimension(card.featureSet.dimension, card.languageInput);
  const floatTensor = (name: string, values: Float32Array, dims: number[]) => ({
    name,
    dataType: onnx.TensorProto.DataType.FLOAT,
    dims,
    rawData: new Uint8Array(values.buffer.slice(0)),
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    producerName: "stream-server tests",
    graph: {
      name: "tiny",
      node: [
        {
          opType: "ReduceMean",
          input: ["features"],
          output: ["mean"],
          attribute: [ints("axes", [1]), int("keepdims", 0)],
        },
        { opType: "MatMul", input: ["mean", "weights"], output: ["logits"] },
        {
          opType: "Softmax",
          input: ["logits"],
          output: ["probabilities"],
          attribute: [int("axis", -1)],
        },
      ],
      initializer: [
        floatTensor("weights", tinyModelWeights(dimension, resolved.seed), [dimension, 4]),
      ],
      input: [
        floatValueInfo("features", [
          "batch",
          resolved.symbolicFrames ? "frames" : resolved.windowFrames,
          dimension,
        ]),
      ],
      output: [floatValueInfo("probabilities", ["batch", 4])],
    },
    metadataProps: [{ key: MODEL_CARD_METADATA_KEY, value: JSON.stringify(card) }],
  });
  return onnx.ModelProto.encode(model).finish();
}

export async function writeTinyModel(
  directory: string,
  name: string,
  options: TinyModelOptions = {},
): Promise<string> {
  const path = join(directory, `${name}.onnx`);
  // Sealed, as the trainer's exporter writes its files.
  await writeFile(path, await sealModelFile(tinyModelBytes(options)));
  return path;
}

/** What the tiny model answers for one (already normalised) window, in its own output order. */
export function expectedOutputs(window: Float32Array, dimension: number, seed = 1): number[] {
  const frames = window.length / dimension;
  const mean = new Float64Array(dimension);
  for (let i = 0; i < window.length; i++)
    mean[i % dimension] = (mean[i % dimension] ?? 0) + (window[i] ?? 0) / frames;
  const weights = tinyModelWeights(dimension, seed);
  const logits = [0, 1, 2, 3].map((c) =>
    mean.reduce((sum, m, d) => sum + m * (weights[d * 4 + c] ?? 0), 0),
  );
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

function int(name: string, value: number) {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

function ints(name: string, values: number[]) {
  return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: values };
}
