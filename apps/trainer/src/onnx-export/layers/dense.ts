// Dense on the last axis of any rank (Keras applies it per frame on [batch, frames, dims]):
// ONNX MatMul broadcasts over the leading axes exactly like that; then bias and fused activation.
import { z } from "zod";
import { applyActivation } from "../activations.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, requireWeight, singleInput } from "../layer-converter.js";

const denseConfigSchema = z.object({
  activation: z.string(),
  useBias: z.boolean(),
});

function convertDense(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const config = parseLayerConfig(conversion, denseConfigSchema);
  const input = singleInput(conversion);
  const kernel = requireWeight(conversion, "kernel");
  const kernelName = graph.addFloatConstant(`${layerName}_kernel`, kernel.values, kernel.shape);
  let output = graph.addNode("MatMul", [input.name, kernelName], `${layerName}_matmul`);
  if (config.useBias) {
    const bias = requireWeight(conversion, "bias");
    const biasName = graph.addFloatConstant(`${layerName}_bias`, bias.values, bias.shape);
    output = graph.addNode("Add", [output, biasName], `${layerName}_biased`);
  }
  return applyActivation(conversion, output, config.activation);
}

export const denseConverter: LayerConverter = { classNames: ["Dense"], convert: convertDense };
