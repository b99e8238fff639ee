import onnxProto from "onnx-proto";
import { describe, expect, it } from "vitest";
import type { LayerConversion } from "./layer-converter.js";
import { intsAttribute, stringAttribute } from "./onnx-attributes.js";
import { OnnxGraphBuilder } from "./onnx-graph-builder.js";
import { slidingWindowAttributes } from "./spatial-options.js";

const { AttributeType } = onnxProto.onnx.AttributeProto;

const conversion: LayerConversion = {
  layerName: "window",
  className: "Conv1D",
  config: { padding: "same" },
  inputs: [],
  graph: new OnnxGraphBuilder(),
  weight: () => undefined,
};

describe("the window attributes of a Conv or pooling node", () => {
  it("write dilations only when given, in kernel_shape, strides, dilations, padding order", () => {
    const window = { padding: "valid", kernel: [3], strides: [2] } as const;
    const pooling = slidingWindowAttributes(conversion, [null, 20, 13], window);
    expect(Object.keys(pooling)).toEqual(["kernel_shape", "strides", "auto_pad"]);
    const conv = slidingWindowAttributes(conversion, [null, 20, 13], { ...window, dilations: [2] });
    expect(conv).toEqual({
      kernel_shape: intsAttribute([3]),
      strides: intsAttribute([2]),
      dilations: intsAttribute([2]),
      auto_pad: stringAttribute("VALID"),
    });
  });

  it("pad 'same' like TensorFlow, the odd cell at the end, with static sizes", () => {
    // 10 frames, stride 3, kernel 4: 4 outputs span 13 cells, so 3 pads: 1 before, 2 after.
    const window = { padding: "same", kernel: [4], strides: [3] } as const;
    const attributes = slidingWindowAttributes(conversion, [null, 10, 13], window);
    expect(attributes.pads).toEqual({ type: AttributeType.INTS, ints: [1, 2] });
  });

  it("refuse 'same' with dilation on a run-time size with UNSUPPORTED_LAYER_OPTION", () => {
    const window = { padding: "same", kernel: [3], strides: [1], dilations: [2] } as const;
    expect(() => slidingWindowAttributes(conversion, [null, null, 13], window)).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_LAYER_OPTION", details: expect.anything() }),
    );
  });
});
