// Keras activations (by tfjs class name) as ONNX ops, shared by the Activation layer and by the
// activations fused into Conv/Dense. Each follows tfjs-layers' own formula for that activation.
import type { LayerConversion } from "./layer-converter.js";
import { refuseLayerOption } from "./layer-converter.js";
import { floatAttribute, intAttribute } from "./onnx-attributes.js";
import type { OnnxGraphBuilder } from "./onnx-graph-builder.js";

type ActivationEmitter = (graph: OnnxGraphBuilder, input: string, base: string) => string;

function scalar(graph: OnnxGraphBuilder, value: number): string {
  return graph.addFloatScalar("scalar", value);
}

function unary(opType: string): ActivationEmitter {
  return (graph, input, base) => graph.addNode(opType, [input], base);
}

// tfjs selu: scale * (x > 0 ? x : alpha * (exp(x) - 1)) with SELU_SCALEALPHA = scale * alpha.
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.7580993408473768 / SELU_SCALE;

const ACTIVATIONS: Readonly<Record<string, ActivationEmitter>> = {
  linear: (_graph, input) => input,
  relu: unary("Relu"),
  relu6: (graph, input, base) =>
    graph.addNode("Clip", [input, scalar(graph, 0), scalar(graph, 6)], base),
  elu: (graph, input, base) => graph.addNode("Elu", [input], base, { alpha: floatAttribute(1) }),
  selu: (graph, input, base) =>
    graph.addNode("Selu", [input], base, {
      alpha: floatAttribute(SELU_ALPHA),
      gamma: floatAttribute(SELU_SCALE),
    }),
  sigmoid: unary("Sigmoid"),
  // tfjs hardSigmoid: clip(0.2 * x + 0.5, 0, 1), ONNX HardSigmoid's formula with these constants.
  hardSigmoid: (graph, input, base) =>
    graph.addNode("HardSigmoid", [input], base, {
      alpha: floatAttribute(0.2),
      beta: floatAttribute(0.5),
    }),
  softplus: unary("Softplus"),
  softsign: unary("Softsign"),
  tanh: unary("Tanh"),
  softmax: (graph, input, base) =>
    graph.addNode("Softmax", [input], base, { axis: intAttribute(-1) }),
  logSoftmax: (graph, input, base) =>
    graph.addNode("LogSoftmax", [input], base, { axis: intAttribute(-1) }),
  swish: (graph, input, base) =>
    graph.addNode("Mul", [graph.addNode("Sigmoid", [input], `${base}_sigmoid`), input], base),
  mish: (graph, input, base) => {
    const softplus = graph.addNode("Softplus", [input], `${base}_softplus`);
    return graph.addNode("Mul", [input, graph.addNode("Tanh", [softplus], `${base}_tanh`)], base);
  },
  // tfjs gelu: x * 0.5 * (1 + erf(x / sqrt(2))).
  gelu: (graph, input, base) => {
    const erf = graph.addNode(
      "Erf",
      [graph.addNode("Div", [input, scalar(graph, Math.SQRT2)], `${base}_scaled`)],
      `${base}_erf`,
    );
    const cdf = graph.addNode(
      "Mul",
      [graph.addNode("Add", [erf, scalar(graph, 1)], `${base}_1p`), scalar(graph, 0.5)],
      `${base}_cdf`,
    );
    return graph.addNode("Mul", [input, cdf], base);
  },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS);

/** Applies the named activation to `input`, refusing (as option `option`) any we do not convert. */
export function applyActivation(
  conversion: LayerConversion,
  input: string,
  activation: string,
  option = "activation",
): string {
  const emit = ACTIVATIONS[activation];
  if (emit === undefined) {
    return refuseLayerOption(
      conversion,
      option,
      `no exact ONNX form; convertible activations: ${ACTIVATION_NAMES.join(", ")}`,
    );
  }
  return emit(conversion.graph, input, `${conversion.layerName}_${activation}`);
}
