// GlobalAverage/MaxPooling1D/2D: a mean or max over every spatial axis of a channels-last tensor.
// ReduceMean/ReduceMax take `axes` as an attribute up to opset 17, which is what we declare.
import { z } from "zod";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, singleInput } from "../layer-converter.js";
import { intAttribute, intsAttribute } from "../onnx-attributes.js";

const globalPoolingConfigSchema = z.object({
  dataFormat: z.literal("channelsLast").optional(),
});

function convertGlobalPooling(conversion: LayerConversion): string {
  parseLayerConfig(conversion, globalPoolingConfigSchema);
  const input = singleInput(conversion);
  const spatialAxes = input.shape.slice(1, -1).map((_, index) => index + 1);
  const opType = conversion.className.startsWith("GlobalMax") ? "ReduceMax" : "ReduceMean";
  return conversion.graph.addNode(opType, [input.name], conversion.layerName, {
    axes: intsAttribute(spatialAxes),
    keepdims: intAttribute(0),
  });
}

export const globalPoolingConverter: LayerConverter = {
  classNames: [
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
  ],
  convert: convertGlobalPooling,
};
