// The trainer's StatisticsPooling layer (src/models/layers/statistics-pooling.ts), op for op:
// [batch, time, channels] -> concat(mean_t x, sqrt(mean_t (x - mean)^2 + epsilon)) on the last axis,
// and with `voicedColumn` the same over voiced frames: v = Cast(Greater(f0, ReduceMin_t f0 + margin)),
// averages mean_t(v * .) / Max(mean_t v, floor).
import { z } from "zod";
import { VOICED_MARGIN, VOICED_SHARE_FLOOR } from "../../models/layers/statistics-pooling.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, refuseLayerOption, singleInput } from "../layer-converter.js";
import { intAttribute } from "../onnx-attributes.js";
import type { OnnxGraphBuilder } from "../onnx-graph-builder.js";
import { reduceOverTime } from "../time-reduction.js";

const configSchema = z.object({
  epsilon: z.number().nonnegative(),
  voicedColumn: z.number().int().nonnegative().nullish(),
});

/** Per-channel mean and std over time, of every frame or of those `weights` (1/0) selects. */
function meanAndStd(
  graph: OnnxGraphBuilder,
  base: string,
  input: string,
  epsilon: string,
  weights: VoicedWeights | null,
): [string, string] {
  const timeMean = (value: string, keepdims: 0 | 1, name: string) =>
    reduceOverTime(graph, "ReduceMean", value, `${base}_${name}`, keepdims);
  const average = (value: string, keepdims: 0 | 1, name: string) => {
    if (weights === null) return timeMean(value, keepdims, name);
    const masked = graph.addNode("Mul", [value, weights.mask], `${base}_${name}_masked`);
    const share = keepdims === 1 ? weights.share : weights.shareFlat;
    return graph.addNode(
      "Div",
      [timeMean(masked, keepdims, `${name}_sum`), share],
      `${base}_${name}`,
    );
  };
  const centred = graph.addNode("Sub", [input, average(input, 1, "mean_kept")], `${base}_centred`);
  const variance = average(
    graph.addNode("Mul", [centred, centred], `${base}_squared`),
    0,
    "variance",
  );
  const deviation = graph.addNode(
    "Sqrt",
    [graph.addNode("Add", [variance, epsilon], `${base}_variance_eps`)],
    `${base}_std`,
  );
  return [average(input, 0, "mean"), deviation];
}

interface VoicedWeights {
  /** [batch, time, 1]: 1 on voiced frames, 0 elsewhere. */
  readonly mask: string;
  /** [batch, 1, 1]: the voiced share, floored; shareFlat is [batch, 1] for un-kept averages. */
  readonly share: string;
  readonly shareFlat: string;
}

function voicedWeights(
  graph: OnnxGraphBuilder,
  layerName: string,
  input: string,
  column: number,
): VoicedWeights {
  const f0 = graph.addNode(
    "Slice",
    [
      input,
      graph.addInt64Constant(`${layerName}_f0_start`, [column]),
      graph.addInt64Constant(`${layerName}_f0_end`, [column + 1]),
      graph.addInt64Constant(`${layerName}_f0_axis`, [2]),
    ],
    `${layerName}_f0`,
  );
  const floor = graph.addNode(
    "Add",
    [
      reduceOverTime(graph, "ReduceMin", f0, `${layerName}_f0_min`, 1),
      graph.addFloatScalar(`${layerName}_margin`, VOICED_MARGIN),
    ],
    `${layerName}_f0_floor`,
  );
  const mask = graph.addNode(
    "Cast",
    [graph.addNode("Greater", [f0, floor], `${layerName}_voiced_bool`)],
    `${layerName}_voiced`,
    { to: intAttribute(1) },
  );
  const share = graph.addNode(
    "Max",
    [
      reduceOverTime(graph, "ReduceMean", mask, `${layerName}_voiced_mean`, 1),
      graph.addFloatScalar(`${layerName}_share_floor`, VOICED_SHARE_FLOOR),
    ],
    `${layerName}_voiced_share`,
  );
  const shareFlat = graph.addNode(
    "Squeeze",
    [share, graph.addInt64Constant(`${layerName}_share_axis`, [1])],
    `${layerName}_voiced_share_flat`,
  );
  return { mask, share, shareFlat };
}

function convertStatisticsPooling(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const { epsilon, voicedColumn } = parseLayerConfig(conversion, configSchema);
  const input = singleInput(conversion);
  if (input.shape.length !== 3) {
    refuseLayerOption(
      conversion,
      "inputShape",
      "statistics pooling is defined on [batch, time, channels]",
    );
  }
  const epsilonName = graph.addFloatScalar(`${layerName}_epsilon`, epsilon);
  const plain = meanAndStd(graph, layerName, input.name, epsilonName, null);
  const statistics = [...plain];
  if (voicedColumn !== undefined && voicedColumn !== null) {
    const channels = input.shape[2];
    if (typeof channels === "number" && voicedColumn >= channels) {
      refuseLayerOption(
        conversion,
        "voicedColumn",
        `column ${voicedColumn} is outside the input's ${channels} channels`,
      );
    }
    const weights = voicedWeights(graph, layerName, input.name, voicedColumn);
    statistics.push(...meanAndStd(graph, `${layerName}_voiced`, input.name, epsilonName, weights));
  }
  return graph.addNode("Concat", statistics, layerName, { axis: intAttribute(-1) });
}

export const statisticsPoolingConverter: LayerConverter = {
  classNames: ["StatisticsPooling"],
  convert: convertStatisticsPooling,
};
