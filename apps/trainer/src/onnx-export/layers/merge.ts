// Merge layers: Concatenate, Add, Multiply, Average, Maximum, Minimum (tfjs has no Subtract), on
// inputs of one rank, where Keras' elementwise rule and ONNX broadcasting agree.
import { EmotionStreamError } from "@emotion-stream/core";
import { z } from "zod";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig } from "../layer-converter.js";
import { intAttribute } from "../onnx-attributes.js";

/** The ONNX elementwise op for each Keras merge layer. */
const ELEMENTWISE_OPS: Readonly<Record<string, string>> = {
  Add: "Sum",
  Multiply: "Mul",
  Average: "Mean",
  Maximum: "Max",
  Minimum: "Min",
};

/** The input names; Keras aligns inputs of different ranks unlike ONNX broadcasting, so refused. */
function inputNames(conversion: LayerConversion): [string, ...string[]] {
  const [first, ...rest] = conversion.inputs.map((input) => input.name);
  const ranks = new Set(conversion.inputs.map((input) => input.shape.length));
  if (first === undefined || rest.length === 0 || ranks.size !== 1) {
    throw new EmotionStreamError(
      "UNSUPPORTED_LAYER_OPTION",
      `${conversion.className} layer ${conversion.layerName}: inputs must be two or more tensors of one rank`,
      { field: `${conversion.layerName}.inputs`, received: [...ranks].join("/") },
    );
  }
  return [first, ...rest];
}

function convertElementwise(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const [first, ...rest] = inputNames(conversion);
  const opType = ELEMENTWISE_OPS[conversion.className] ?? "";
  // Mul is binary in ONNX: fold left, as Keras does; the others take any number of inputs.
  if (opType !== "Mul") return graph.addNode(opType, [first, ...rest], layerName);
  return rest.reduce((left, right) => graph.addNode(opType, [left, right], layerName), first);
}

function convertConcatenate(conversion: LayerConversion): string {
  const { axis } = parseLayerConfig(conversion, z.object({ axis: z.number().int() }));
  return conversion.graph.addNode("Concat", inputNames(conversion), conversion.layerName, {
    axis: intAttribute(axis),
  });
}

export const mergeConverters: readonly LayerConverter[] = [
  { classNames: Object.keys(ELEMENTWISE_OPS), convert: convertElementwise },
  { classNames: ["Concatenate"], convert: convertConcatenate },
];
