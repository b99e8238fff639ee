// Flatten, Reshape and Permute. Values stay channels-last between layers (see channel-layout.ts),
// so Keras' row-major, channels-last flattening order is ONNX's plain row-major order.
import { z } from "zod";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, singleInput } from "../layer-converter.js";
import { intAttribute, intsAttribute } from "../onnx-attributes.js";

function convertFlatten(conversion: LayerConversion): string {
  parseLayerConfig(conversion, z.object({ dataFormat: z.literal("channelsLast").optional() }));
  return conversion.graph.addNode("Flatten", [singleInput(conversion).name], conversion.layerName, {
    axis: intAttribute(1),
  });
}

function convertReshape(conversion: LayerConversion): string {
  const { graph, layerName } = conversion;
  const { targetShape } = parseLayerConfig(
    conversion,
    z.object({ targetShape: z.array(z.number().int().positive().nullable()) }),
  );
  // 0 copies the input's batch size; tfjs keeps Keras' inferred axis (-1) as null, ONNX writes -1.
  const shape = graph.addInt64Constant(`${layerName}_shape`, [
    0,
    ...targetShape.map((size) => size ?? -1),
  ]);
  return graph.addNode("Reshape", [singleInput(conversion).name, shape], layerName);
}

function convertPermute(conversion: LayerConversion): string {
  const { dims } = parseLayerConfig(
    conversion,
    z.object({ dims: z.array(z.number().int().positive()) }),
  );
  // Keras numbers the non-batch axes from 1, so the batch axis 0 stays first.
  return conversion.graph.addNode(
    "Transpose",
    [singleInput(conversion).name],
    conversion.layerName,
    {
      perm: intsAttribute([0, ...dims]),
    },
  );
}

export const reshapingConverters: readonly LayerConverter[] = [
  { classNames: ["Flatten"], convert: convertFlatten },
  { classNames: ["Reshape"], convert: convertReshape },
  { classNames: ["Permute"], convert: convertPermute },
];
