// Keras tensors are channels-last (NWC, NHWC); ONNX Conv and pooling want channels-first (NCW,
// NCHW). Converters keep every value channels-last between layers and transpose around those ops;
// onnxruntime's transpose optimiser cancels the back-to-back pairs this leaves between layers.
import { intsAttribute } from "./onnx-attributes.js";
import type { OnnxGraphBuilder } from "./onnx-graph-builder.js";

/** [0, r-1, 1, ..., r-2]: NHWC -> NCHW for any rank r >= 3. */
export function toChannelsFirstPermutation(rank: number): number[] {
  return [0, rank - 1, ...range(1, rank - 1)];
}

/** [0, 2, ..., r-1, 1]: NCHW -> NHWC for any rank r >= 3. */
export function toChannelsLastPermutation(rank: number): number[] {
  return [0, ...range(2, rank), 1];
}

export function transposeToChannelsFirst(
  graph: OnnxGraphBuilder,
  input: string,
  rank: number,
  base: string,
): string {
  return graph.addNode("Transpose", [input], `${base}_channels_first`, {
    perm: intsAttribute(toChannelsFirstPermutation(rank)),
  });
}

export function transposeToChannelsLast(
  graph: OnnxGraphBuilder,
  input: string,
  rank: number,
  base: string,
): string {
  return graph.addNode("Transpose", [input], base, {
    perm: intsAttribute(toChannelsLastPermutation(rank)),
  });
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(end - start, 0) }, (_, index) => start + index);
}
