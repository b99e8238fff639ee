// The trainer's StatisticsPooling layer (src/models/layers/statistics-pooling.ts), op for op:
// [batch, time, channels] -> concat(mean_t x, sqrt(mean_t (x - mean)^2 + epsilon)) on the last axis.
import { z } from "zod";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, refuseLayerOption, singleInput } from "../layer-converter.js";
import { intAttribute, intsAttribute } from "../onnx-attributes.js";

function convertStatisticsPooling(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const { epsilon } = parseLayerConfig(conversion, z.object({ epsilon: z.number().nonnegative() }));
  const input = singleInput(conversion);
  if (input.shape.length !== 3) {
    refuseLayerOption(
      conversion,
      "inputShape",
      "statistics pooling is defined on [batch, time, channels]",
    );
  }
  const timeMean = (value: string, keepdims: number, base: string) =>
    graph.addNode("ReduceMean", [value], `${layerName}_${base}`, {
      axes: intsAttribute([1]),
      keepdims: intAttribute(keepdims),
    });
  const centred = graph.addNode(
    "Sub",
    [input.name, timeMean(input.name, 1, "mean_kept")],
    `${layerName}_centred`,
  );
  const variance = timeMean(
    graph.addNode("Mul", [centred, centred], `${layerName}_squared`),
    0,
    "variance",
  );
  const epsilonName = graph.addFloatConstant(`${layerName}_epsilon`, Float32Array.of(epsilon), []);
  const deviation = graph.addNode(
    "Sqrt",
    [graph.addNode("Add", [variance, epsilonName], `${layerName}_variance_eps`)],
    `${layerName}_std`,
  );
  return graph.addNode("Concat", [timeMean(input.name, 0, "mean"), deviation], layerName, {
    axis: intAttribute(-1),
  });
}

export const statisticsPoolingConverter: LayerConverter = {
  classNames: ["StatisticsPooling"],
  convert: convertStatisticsPooling,
};
