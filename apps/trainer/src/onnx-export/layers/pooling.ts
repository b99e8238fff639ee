// MaxPooling1D/2D and AveragePooling1D/2D (channels-last). Keras "same" pooling ignores the padded
// cells: ONNX MaxPool never selects padding, and AveragePool with count_include_pad = 0 (set
// explicitly) divides by the number of real cells, as Keras does.
import { z } from "zod";
import { transposeToChannelsFirst, transposeToChannelsLast } from "../channel-layout.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, singleInput } from "../layer-converter.js";
import { intAttribute } from "../onnx-attributes.js";
import { slidingWindowAttributes, spatialSizes, spatialSizesSchema } from "../spatial-options.js";

const poolingConfigSchema = z.object({
  poolSize: spatialSizesSchema,
  strides: spatialSizesSchema,
  padding: z.enum(["valid", "same"]),
  dataFormat: z.literal("channelsLast").optional(),
});

function convertPooling(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const config = parseLayerConfig(conversion, poolingConfigSchema);
  const input = singleInput(conversion);
  const rank = input.shape.length;
  const kernelShape = spatialSizes(conversion, "poolSize", config.poolSize, rank - 2);
  const strides = spatialSizes(conversion, "strides", config.strides, rank - 2);
  const isMax = conversion.className.startsWith("Max");
  const pooled = graph.addNode(
    isMax ? "MaxPool" : "AveragePool",
    [transposeToChannelsFirst(graph, input.name, rank, layerName)],
    `${layerName}_pool`,
    {
      ...slidingWindowAttributes(conversion, input.shape, {
        padding: config.padding,
        kernel: kernelShape,
        strides,
      }),
      ...(isMax ? {} : { count_include_pad: intAttribute(0) }),
    },
  );
  return transposeToChannelsLast(graph, pooled, rank, layerName);
}

export const poolingConverter: LayerConverter = {
  classNames: ["MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D"],
  convert: convertPooling,
};
