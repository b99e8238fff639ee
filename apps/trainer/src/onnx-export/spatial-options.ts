// Options shared by convolution and pooling layers: sizes per spatial axis, Keras padding modes, and
// the window attributes both write from them.
import { z } from "zod";
import type { KerasShape, LayerConversion } from "./layer-converter.js";
import { refuseLayerOption } from "./layer-converter.js";
import type { OnnxAttribute } from "./onnx-attributes.js";
import { intsAttribute, stringAttribute } from "./onnx-attributes.js";

const positiveInt = z.number().int().positive();

/** tfjs stores per-axis sizes as arrays, but accepts (and sometimes keeps) a bare number. */
export const spatialSizesSchema = z.union([positiveInt, z.array(positiveInt).min(1)]);

/** Option `option`'s sizes for `spatialRank` axes: a bare number repeats; arrays need one per axis. */
export function spatialSizes(
  conversion: LayerConversion,
  option: string,
  sizes: number | readonly number[],
  spatialRank: number,
): number[] {
  if (typeof sizes === "number") return new Array<number>(spatialRank).fill(sizes);
  if (sizes.length === spatialRank) return [...sizes];
  return refuseLayerOption(
    conversion,
    option,
    `expected ${spatialRank} sizes, one per spatial axis`,
  );
}

/** The window a Conv or pooling node slides over the spatial axes, sizes one per axis. */
export interface SlidingWindow {
  readonly padding: "valid" | "same";
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  /** Conv's dilations; a pooling node has none (1 on every axis) and writes no attribute. */
  readonly dilations?: readonly number[];
}

/**
 * The window attributes of an ONNX Conv or pooling node over a channels-last input of `inputShape`:
 * kernel_shape, strides, dilations when given, and padding as Keras pads.
 */
export function slidingWindowAttributes(
  conversion: LayerConversion,
  inputShape: KerasShape,
  window: SlidingWindow,
): Record<string, OnnxAttribute> {
  const { padding, kernel, strides, dilations } = window;
  return {
    kernel_shape: intsAttribute(kernel),
    strides: intsAttribute(strides),
    ...(dilations === undefined ? {} : { dilations: intsAttribute(dilations) }),
    ...paddingAttributes(conversion, {
      padding,
      inputSizes: inputShape.slice(1, -1),
      kernel,
      strides,
      dilations: dilations ?? kernel.map(() => 1),
    }),
  };
}

/** What a Conv or pooling node needs to know to pad like Keras. */
interface PaddingGeometry {
  readonly padding: "valid" | "same";
  /** Spatial input sizes, null where only known at run time. */
  readonly inputSizes: readonly (number | null)[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
}

/**
 * Padding attributes for an ONNX Conv/pool node. Keras "same" is TensorFlow SAME: out = ceil(in /
 * stride), total padding split with the odd cell at the end. With static sizes we write those pads
 * explicitly; otherwise ONNX SAME_UPPER is the same rule, but onnxruntime rejects it with dilation.
 */
function paddingAttributes(
  conversion: LayerConversion,
  geometry: PaddingGeometry,
): Record<string, OnnxAttribute> {
  if (geometry.padding === "valid") return { auto_pad: stringAttribute("VALID") };
  const { inputSizes, kernel, strides, dilations } = geometry;
  if (inputSizes.every((size) => size !== null)) {
    const totals = inputSizes.map((size, axis) => {
      const stride = strides[axis] ?? 1;
      const span = ((kernel[axis] ?? 1) - 1) * (dilations[axis] ?? 1) + 1;
      return Math.max((Math.ceil(size / stride) - 1) * stride + span - size, 0);
    });
    const starts = totals.map((total) => Math.floor(total / 2));
    return {
      pads: intsAttribute([...starts, ...totals.map((total, axis) => total - (starts[axis] ?? 0))]),
    };
  }
  if (dilations.some((dilation) => dilation !== 1)) {
    refuseLayerOption(
      conversion,
      "padding",
      "same padding with dilation needs a static input size",
    );
  }
  return { auto_pad: stringAttribute("SAME_UPPER") };
}
