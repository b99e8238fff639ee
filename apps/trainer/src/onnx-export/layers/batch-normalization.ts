// BatchNormalization in its inference form: (x - movingMean) * gamma / sqrt(movingVariance + epsilon)
// + beta per channel of the last axis. Only the last axis: tfjs' CPU and WASM kernels index the
// statistics by flat position modulo their length, so any other axis is not Keras' per-axis rule.
import { z } from "zod";
import type { LayerConversion, LayerConverter, LayerWeight } from "../layer-converter.js";
import {
  parseLayerConfig,
  refuseLayerOption,
  requireWeight,
  singleInput,
} from "../layer-converter.js";

const batchNormalizationConfigSchema = z.object({
  axis: z.number().int(),
  epsilon: z.number().nonnegative(),
  center: z.boolean(),
  scale: z.boolean(),
});

function convertBatchNormalization(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const config = parseLayerConfig(conversion, batchNormalizationConfigSchema);
  const input = singleInput(conversion);
  const rank = input.shape.length;
  if (config.axis !== -1 && config.axis !== rank - 1) {
    refuseLayerOption(conversion, "axis", "tfjs normalises per channel only along the last axis");
  }
  const mean = requireWeight(conversion, "moving_mean");
  const variance = requireWeight(conversion, "moving_variance");
  const gamma = config.scale ? requireWeight(conversion, "gamma") : undefined;
  const broadcastShape = [mean.values.length];
  const constant = (name: string, values: Float32Array) =>
    graph.addFloatConstant(`${layerName}_${name}`, values, broadcastShape);
  const centred = graph.addNode(
    "Sub",
    [input.name, constant("mean", mean.values)],
    `${layerName}_centred`,
  );
  const scale = inverseStandardDeviation(variance, config.epsilon, gamma);
  const scaled = graph.addNode("Mul", [centred, constant("scale", scale)], `${layerName}_scaled`);
  if (!config.center) return scaled;
  const beta = requireWeight(conversion, "beta");
  return graph.addNode("Add", [scaled, constant("beta", beta.values)], `${layerName}_normalized`);
}

/** gamma / sqrt(variance + epsilon) per channel (gamma = 1 when the layer does not scale). */
function inverseStandardDeviation(
  variance: LayerWeight,
  epsilon: number,
  gamma: LayerWeight | undefined,
): Float32Array {
  return variance.values.map(
    (value, channel) => (gamma?.values[channel] ?? 1) / Math.sqrt(value + epsilon),
  );
}

export const batchNormalizationConverter: LayerConverter = {
  classNames: ["BatchNormalization"],
  convert: convertBatchNormalization,
};
