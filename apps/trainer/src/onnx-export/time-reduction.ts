// Reductions over the time axis of [batch, time, channels], the building block of the pooling
// layers that summarise a window (statistics and functionals pooling).
import { intAttribute, intsAttribute } from "./onnx-attributes.js";
import type { OnnxGraphBuilder } from "./onnx-graph-builder.js";

/** `op` (ReduceMean, ReduceMax, ReduceMin) over axis 1; keepdims 1 keeps it as a size-1 axis. */
export function reduceOverTime(
  graph: OnnxGraphBuilder,
  op: string,
  value: string,
  name: string,
  keepdims: 0 | 1,
): string {
  return graph.addNode(op, [value], name, {
    axes: intsAttribute([1]),
    keepdims: intAttribute(keepdims),
  });
}
