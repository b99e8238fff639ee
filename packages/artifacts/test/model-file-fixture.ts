// Small ONNX files for the model-file tests, built with onnx-proto instead of committed binaries:
// a graph declaring [batch, frames, dimension] -> [batch, classes] and a card in metadata_props,
// as the trainer's exporter writes them. The graph is not meant to run, only to be read.
import {
  MODEL_CARD_FORMAT,
  MODEL_CARD_METADATA_KEY,
  MODEL_CARD_VERSION,
  type ModelCard,
  parseModelCard,
} from "@emotion-stream/core";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

export function fixtureCard(name = "fixture"): ModelCard {
  return parseModelCard({
    format: MODEL_CARD_FORMAT,
    version: MODEL_CARD_VERSION,
    name,
    createdAt: "2026-11-25T12:00:00.000Z",
    classes: ["joy", "anger", "sadness", "pleasure"],
    labelMapping: {},
    featureSet: {
      name: "mfcc0_12",
      sampleRate: 16_000,
      frameSizeSeconds: 0.025,
      frameStepSeconds: 0.01,
      dimension: 2,
      columns: ["mfcc0", "mfcc1"],
      params: {},
    },
    window: { windowFrames: 20, hopFrames: 10, rule: { kind: "fixed" } },
    normalisation: { kind: "none" },
    aggregation: "mean-probability",
    trainingData: {
      corpora: [
        {
          name: "fixture",
          adapter: "none",
          language: "en",
          utterances: 4,
          speakers: 1,
          countsPerClass: { joy: 1, anger: 1, sadness: 1, pleasure: 1 },
          skipped: {},
        },
      ],
    },
    preset: { name: "fixture", hyperparameters: {} },
    metrics: [],
    tools: { emotionStream: "test", tfjs: "none", backend: "none" },
  });
}

export interface FixtureModelOptions {
  /** The text under metadata_props.model_card; the fixture card's JSON unless given. */
  readonly cardText?: string;
  /** Declared input dims; a string is a symbolic axis. */
  readonly input?: readonly (number | string)[];
  readonly output?: readonly (number | string)[];
}

export function fixtureModelBytes({
  cardText = JSON.stringify(fixtureCard()),
  input = ["batch", 20, 2],
  output = ["batch", 4],
}: FixtureModelOptions = {}): Uint8Array {
  const valueInfo = (name: string, dims: readonly (number | string)[]) => ({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((size) =>
            typeof size === "string" ? { dimParam: size } : { dimValue: size },
          ),
        },
      },
    },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    producerName: "artifacts tests",
    graph: {
      name: "fixture",
      node: [{ opType: "Identity", input: ["features"], output: ["probabilities"] }],
      input: [valueInfo("features", input)],
      output: [valueInfo("probabilities", output)],
    },
    metadataProps: [{ key: MODEL_CARD_METADATA_KEY, value: cardText }],
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The same model without any metadata_props entry. */
export function fixtureModelWithoutCard(): Uint8Array {
  const model = onnx.ModelProto.decode(fixtureModelBytes());
  model.metadataProps = [];
  return onnx.ModelProto.encode(model).finish();
}
