// Conv1D and Conv2D (channels-last): Transpose to NC..., ONNX Conv, Transpose back, fused activation.
import { z } from "zod";
import { applyActivation } from "../activations.js";
import { transposeToChannelsFirst, transposeToChannelsLast } from "../channel-layout.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import {
  parseLayerConfig,
  requireWeight,
  singleInput,
  weightConstant,
} from "../layer-converter.js";
import { slidingWindowAttributes, spatialSizes, spatialSizesSchema } from "../spatial-options.js";
import { transposeWeight } from "../weight-layout.js";

const convolutionConfigSchema = z.object({
  kernelSize: spatialSizesSchema,
  strides: spatialSizesSchema,
  dilationRate: spatialSizesSchema,
  // tfjs itself cannot run "causal" (NotImplementedError), so no trained model has it.
  padding: z.enum(["valid", "same"]),
  dataFormat: z.literal("channelsLast").optional(),
  activation: z.string(),
  useBias: z.boolean(),
});

function convertConvolution(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const config = parseLayerConfig(conversion, convolutionConfigSchema);
  const input = singleInput(conversion);
  const rank = input.shape.length;
  const spatialRank = rank - 2;
  const kernelShape = spatialSizes(conversion, "kernelSize", config.kernelSize, spatialRank);
  const strides = spatialSizes(conversion, "strides", config.strides, spatialRank);
  const dilations = spatialSizes(conversion, "dilationRate", config.dilationRate, spatialRank);
  // Keras kernel [...spatial, in, out] -> ONNX weight [out, in, ...spatial].
  const kernel = transposeWeight(requireWeight(conversion, "kernel"), [
    spatialRank + 1,
    spatialRank,
    ...kernelShape.map((_, axis) => axis),
  ]);
  const inputs = [
    transposeToChannelsFirst(graph, input.name, rank, layerName),
    graph.addFloatConstant(`${layerName}_kernel`, kernel.values, kernel.shape),
  ];
  if (config.useBias) inputs.push(weightConstant(conversion, "bias"));
  const convolved = graph.addNode(
    "Conv",
    inputs,
    `${layerName}_conv`,
    slidingWindowAttributes(conversion, input.shape, {
      padding: config.padding,
      kernel: kernelShape,
      strides,
      dilations,
    }),
  );
  const channelsLast = transposeToChannelsLast(graph, convolved, rank, layerName);
  return applyActivation(conversion, channelsLast, config.activation);
}

export const convolutionConverter: LayerConverter = {
  classNames: ["Conv1D", "Conv2D"],
  convert: convertConvolution,
};
