// Merge layers: Concatenate, Add, Multiply, Average, Maximum, Minimum (tfjs has no Subtract). Keras aligns inputs
// of different ranks differently from ONNX broadcasting, so those are refused; equal ranks agree.
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

function inputNames(conversion: LayerConversion): string[] {
  const ranks = new Set(conversion.inputs.map((input) => input.shape.length));
  if (conversion.inputs.length < 2 || ranks.size !== 1) {
    throw new EmotionStreamError(
      "UNSUPPORTED_LAYER_OPTION",
      `${conversion.className} layer ${conversion.layerName}: inputs must be two or more tensors of one rank`,
      { field: `${conversion.layerName}.inputs`, received: [...ranks].join("/") },
    );
  }
  return conversion.inputs.map((input) => input.name);
}

function convertElementwise(conversion: LayerConversion): string {
  const inputs = inputNames(conversion);
  const opType = ELEMENTWISE_OPS[conversion.className] ?? "";
  // Mul is binary in ONNX: fold left, as Keras does.
  if (opType === "Mul") {
    return inputs
      .slice(1)
      .reduce(
        (left, right) => conversion.graph.addNode(opType, [left, right], conversion.layerName),
        inputs[0] ?? "",
      );
  }
  return conversion.graph.addNode(opType, inputs, conversion.layerName);
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
