// The trainer's FunctionalsPooling layer (src/models/layers/functionals-pooling.ts), op for op:
// reductions over the time axis (ReduceMean, ReduceMax, ReduceMin), the regression against the
// centred frame ramp (a [1, T, 1] constant), and the moment ratios, concatenated on the last axis
// in the layer's order.
import { z } from "zod";
import { rampVarianceOf } from "../../models/layers/functionals-pooling.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, refuseLayerOption, singleInput } from "../layer-converter.js";
import { intAttribute } from "../onnx-attributes.js";
import { reduceOverTime } from "../time-reduction.js";

const configSchema = z.object({ epsilon: z.number().nonnegative() });

function convertFunctionalsPooling(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const { epsilon } = parseLayerConfig(conversion, configSchema);
  const input = singleInput(conversion);
  const frames = input.shape[1];
  if (input.shape.length !== 3 || typeof frames !== "number" || frames < 2) {
    refuseLayerOption(
      conversion,
      "inputShape",
      "functionals pooling needs [batch, time, channels] with a fixed number of frames",
    );
  }
  const time = frames as number;
  const node = (op: string, inputs: string[], name: string, attributes = {}) =>
    graph.addNode(op, inputs, `${layerName}_${name}`, attributes);
  const reduce = (op: string, value: string, name: string, keepdims: 0 | 1 = 0) =>
    reduceOverTime(graph, op, value, `${layerName}_${name}`, keepdims);
  const scalar = (name: string, value: number) =>
    graph.addFloatScalar(`${layerName}_${name}`, value);
  const centre = (time - 1) / 2;
  const ramp = graph.addFloatConstant(
    `${layerName}_ramp`,
    Float32Array.from({ length: time }, (_, t) => t - centre),
    [1, time, 1],
  );
  const rampVariance = scalar("ramp_variance", rampVarianceOf(time));
  const meanKept = reduce("ReduceMean", input.name, "mean_kept", 1);
  const centred = node("Sub", [input.name, meanKept], "centred");
  const squared = node("Mul", [centred, centred], "squared");
  const m2 = reduce("ReduceMean", squared, "m2");
  const m3 = reduce("ReduceMean", node("Mul", [squared, centred], "cubed"), "m3");
  const m4 = reduce("ReduceMean", node("Mul", [squared, squared], "fourth"), "m4");
  const m2e = node("Add", [m2, scalar("epsilon", epsilon)], "m2_eps");
  const std = node("Sqrt", [m2e], "std");
  const max = reduce("ReduceMax", input.name, "max");
  const min = reduce("ReduceMin", input.name, "min");
  const mean = reduce("ReduceMean", input.name, "mean");
  const slope = node(
    "Div",
    [
      reduce("ReduceMean", node("Mul", [centred, ramp], "ramp_product"), "covariance"),
      rampVariance,
    ],
    "slope",
  );
  const offset = node(
    "Sub",
    [mean, node("Mul", [slope, scalar("centre", centre)], "slope_centre")],
    "offset",
  );
  const explained = node(
    "Mul",
    [node("Mul", [slope, slope], "slope_squared"), rampVariance],
    "explained",
  );
  const error = node("Relu", [node("Sub", [m2, explained], "residual")], "error");
  const skewness = node("Div", [m3, node("Mul", [m2e, std], "m2_15")], "skewness");
  const kurtosis = node("Div", [m4, node("Mul", [m2e, m2e], "m2_2")], "kurtosis");
  return graph.addNode(
    "Concat",
    [
      mean,
      std,
      max,
      min,
      node("Sub", [max, min], "range"),
      slope,
      offset,
      error,
      skewness,
      kurtosis,
    ],
    layerName,
    { axis: intAttribute(-1) },
  );
}

export const functionalsPoolingConverter: LayerConverter = {
  classNames: ["FunctionalsPooling"],
  convert: convertFunctionalsPooling,
};
