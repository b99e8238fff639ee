// Dense on the last axis of any rank (Keras applies it per frame on [batch, frames, dims]):
// ONNX MatMul broadcasts over the leading axes exactly like that; then bias and fused activation.
import { z } from "zod";
import { applyActivation } from "../activations.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, singleInput, weightConstant } from "../layer-converter.js";

const denseConfigSchema = z.object({
  activation: z.string(),
  useBias: z.boolean(),
});

function convertDense(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const config = parseLayerConfig(conversion, denseConfigSchema);
  const input = singleInput(conversion);
  const kernel = weightConstant(conversion, "kernel");
  let output = graph.addNode("MatMul", [input.name, kernel], `${layerName}_matmul`);
  if (config.useBias) {
    output = graph.addNode(
      "Add",
      [output, weightConstant(conversion, "bias")],
      `${layerName}_biased`,
    );
  }
  return applyActivation(conversion, output, config.activation);
}

export const denseConverter: LayerConverter = { classNames: ["Dense"], convert: convertDense };
