// Converts a tfjs Layers model (Sequential or functional, one input, one output) into an ONNX
// ModelProto: one converter per layer application, visited in dependency order.
import { EmotionStreamError } from "@emotion-stream/core";
import type * as tf from "@tensorflow/tfjs";
import type { onnx } from "onnx-proto";
import onnxProto from "onnx-proto";
import type { ConvertedTensor, KerasShape, LayerWeight } from "./layer-converter.js";
import { CONVERTIBLE_LAYER_CLASS_NAMES, findLayerConverter } from "./layer-registry.js";
import { OnnxGraphBuilder } from "./onnx-graph-builder.js";

/** The opset every converter writes for (ReduceMean/ReduceMax still take `axes` as an attribute). */
export const ONNX_OPSET_VERSION = 17;
/** IR version 8 is the newest onnx-proto (ONNX 1.10) describes, and onnxruntime reads it. */
const ONNX_IR_VERSION = 8;
export const ONNX_INPUT_NAME = "features";
export const ONNX_OUTPUT_NAME = "probabilities";

export interface OnnxExportOptions {
  /** Written verbatim into metadata_props (e.g. `model_card` -> the card's JSON). */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly producerVersion?: string;
}

type LayerNode = tf.layers.Layer["inboundNodes"][number];

interface PendingNode {
  readonly layer: tf.layers.Layer;
  readonly node: LayerNode;
}

/** The encoded ONNX model for `model`; throws UNSUPPORTED_LAYER(_OPTION) for anything inexact. */
export function layersModelToOnnx(
  model: tf.LayersModel,
  options: OnnxExportOptions = {},
): Uint8Array {
  const modelProto = layersModelToOnnxProto(model, options);
  return onnxProto.onnx.ModelProto.encode(onnxProto.onnx.ModelProto.create(modelProto)).finish();
}

export function layersModelToOnnxProto(
  model: tf.LayersModel,
  options: OnnxExportOptions = {},
): onnx.IModelProto {
  const [input, output] = singleInputAndOutput(model);
  const graph = new OnnxGraphBuilder();
  const values = new Map<number, ConvertedTensor>([
    [input.id, { name: graph.uniqueName(ONNX_INPUT_NAME), shape: input.shape }],
  ]);
  const outputName = graph.uniqueName(ONNX_OUTPUT_NAME);
  convertLayers(model, graph, values);
  const result = values.get(output.id);
  if (result === undefined) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `model output ${output.name} is not reachable from its input`,
    );
  }
  graph.addNodeWithOutput("Identity", [result.name], outputName);
  return {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: "", version: ONNX_OPSET_VERSION }],
    producerName: "emotion-stream-trainer",
    producerVersion: options.producerVersion ?? "",
    graph: graph.toGraph(
      model.name,
      [{ name: ONNX_INPUT_NAME, dims: symbolicDims(input.shape) }],
      [{ name: ONNX_OUTPUT_NAME, dims: symbolicDims(output.shape) }],
    ),
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  };
}

function singleInputAndOutput(model: tf.LayersModel): [tf.SymbolicTensor, tf.SymbolicTensor] {
  const [input] = model.inputs;
  const [output] = model.outputs;
  if (
    input === undefined ||
    output === undefined ||
    model.inputs.length + model.outputs.length !== 2
  ) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `expected a model with one input and one output, got ${model.inputs.length} and ${model.outputs.length}`,
    );
  }
  return [input, output];
}

/** Converts layer applications whose inputs are all known until none is left (dependency order). */
function convertLayers(
  model: tf.LayersModel,
  graph: OnnxGraphBuilder,
  values: Map<number, ConvertedTensor>,
): void {
  let pending: PendingNode[] = model.layers.flatMap((layer) =>
    layer.inboundNodes.map((node) => ({ layer, node })),
  );
  for (let progressed = true; progressed; ) {
    const ready = pending.filter(({ node }) => isReady(node, values));
    for (const { layer, node } of ready) convertLayerNode(layer, node, graph, values);
    pending = pending.filter((item) => !ready.includes(item));
    progressed = ready.length > 0;
  }
}

/** Ready when every input is converted and its output is not (the same layer in another model). */
function isReady(node: LayerNode, values: Map<number, ConvertedTensor>): boolean {
  return (
    node.inputTensors.every((tensor) => values.has(tensor.id)) &&
    node.outputTensors.some((tensor) => !values.has(tensor.id))
  );
}

function convertLayerNode(
  layer: tf.layers.Layer,
  node: LayerNode,
  graph: OnnxGraphBuilder,
  values: Map<number, ConvertedTensor>,
): void {
  const className = layer.getClassName();
  const converter = findLayerConverter(className);
  if (converter === undefined) {
    throw new EmotionStreamError(
      "UNSUPPORTED_LAYER",
      `layer ${layer.name} of class ${className} has no ONNX converter`,
      { field: layer.name, value: className, allowed: CONVERTIBLE_LAYER_CLASS_NAMES },
    );
  }
  const [output, ...extraOutputs] = node.outputTensors;
  if (output === undefined || extraOutputs.length > 0) {
    throw new EmotionStreamError(
      "UNSUPPORTED_LAYER",
      `layer ${layer.name} has ${node.outputTensors.length} outputs, converters handle one`,
      { field: layer.name, value: className },
    );
  }
  const weights = layerWeights(layer);
  const outputName = converter.convert({
    layerName: graph.uniqueName(layer.name.replaceAll("/", "_")),
    className,
    config: layer.getConfig(),
    inputs: node.inputTensors.map((tensor) => values.get(tensor.id) as ConvertedTensor),
    graph,
    weight: (shortName) => weights.get(shortName),
  });
  values.set(output.id, { name: outputName, shape: output.shape });
}

/** The layer's weights keyed by the last segment of their names (`dense_1/kernel` -> `kernel`). */
function layerWeights(layer: tf.layers.Layer): Map<string, LayerWeight> {
  return new Map(
    layer.weights.map((variable) => {
      const tensor = variable.read();
      const shortName = variable.originalName.split("/").at(-1) ?? variable.originalName;
      return [shortName, { values: Float32Array.from(tensor.dataSync()), shape: tensor.shape }];
    }),
  );
}

/** Dims of a graph input/output: sizes Keras leaves open become named symbolic dims. */
function symbolicDims(shape: KerasShape): (number | string)[] {
  return shape.map((size, axis) => size ?? ["batch", "frames"][axis] ?? `dim_${axis}`);
}
