// Small ONNX files for the model-file tests, built with onnx-proto instead of committed binaries:
// a graph declaring [batch, frames, dimension] -> [batch, classes] and a card in metadata_props,
// as the trainer's exporter writes them. The graph is not meant to run, only to be read.
import { MODEL_CARD_METADATA_KEY, type ModelCard } from "@emotion-stream/core";
import { fixtureModelCard } from "@emotion-stream/core/testing";
import onnxProto from "onnx-proto";
import { floatValueInfo } from "../src/testing/float-value-info.js";

const { onnx } = onnxProto;

export function fixtureCard(name = "fixture"): ModelCard {
  return fixtureModelCard({ name });
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
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    producerName: "artifacts tests",
    graph: {
      name: "fixture",
      node: [{ opType: "Identity", input: ["features"], output: ["probabilities"] }],
      input: [floatValueInfo("features", input)],
      output: [floatValueInfo("probabilities", output)],
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
