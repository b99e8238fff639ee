// The Activation layer and the parameterised activation layers (ReLU, LeakyReLU, ELU, Softmax).
import { z } from "zod";
import { applyActivation } from "../activations.js";
import type { LayerConversion, LayerConverter } from "../layer-converter.js";
import { parseLayerConfig, singleInput } from "../layer-converter.js";
import { floatAttribute, intAttribute } from "../onnx-attributes.js";

const CONVERTERS: Readonly<Record<string, (conversion: LayerConversion, input: string) => string>> =
  {
    Activation: (conversion, input) => {
      const { activation } = parseLayerConfig(conversion, z.object({ activation: z.string() }));
      return applyActivation(conversion, input, activation);
    },
    // tfjs ReLU: relu(x), then clipped at maxValue when one is set.
    ReLU: (conversion, input) => {
      const { graph, layerName } = conversion;
      const { maxValue } = parseLayerConfig(
        conversion,
        z.object({ maxValue: z.number().nullable().optional() }),
      );
      if (maxValue === null || maxValue === undefined)
        return graph.addNode("Relu", [input], layerName);
      const bounds = [0, maxValue].map((bound) =>
        graph.addFloatScalar(`${layerName}_bound`, bound),
      );
      return graph.addNode("Clip", [input, ...bounds], layerName);
    },
    LeakyReLU: (conversion, input) => {
      const { alpha } = parseLayerConfig(conversion, z.object({ alpha: z.number() }));
      return conversion.graph.addNode("LeakyRelu", [input], conversion.layerName, {
        alpha: floatAttribute(alpha),
      });
    },
    ELU: (conversion, input) => {
      const { alpha } = parseLayerConfig(conversion, z.object({ alpha: z.number() }));
      return conversion.graph.addNode("Elu", [input], conversion.layerName, {
        alpha: floatAttribute(alpha),
      });
    },
    Softmax: (conversion, input) => {
      const { axis } = parseLayerConfig(conversion, z.object({ axis: z.number().int() }));
      return conversion.graph.addNode("Softmax", [input], conversion.layerName, {
        axis: intAttribute(axis),
      });
    },
  };

export const activationConverters: readonly LayerConverter[] = Object.entries(CONVERTERS).map(
  ([className, convert]) => ({
    classNames: [className],
    convert: (conversion: LayerConversion) => convert(conversion, singleInput(conversion).name),
  }),
);
