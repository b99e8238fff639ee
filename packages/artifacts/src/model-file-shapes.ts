// The input and output a model file's graph declares, [batch, frames, dimension] -> [batch, classes]
// as the exporter writes them, so a reader can hold them against the card before feeding a window.
import type { onnx } from "onnx-proto";

/** Sizes axis by axis; -1 where the graph leaves an axis symbolic, as onnxruntime reports it. */
export interface DeclaredShapes {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
}

/** Symbolic axes: batch always, frames when the network pools over time (the exporter's choice). */
export const SYMBOLIC_SIZE = -1;

/** The declared shapes of the graph's first input and first output. */
export function declaredShapesOf(graph: onnx.IGraphProto): DeclaredShapes {
  return {
    inputShape: shapeOf(graph.input?.[0]),
    outputShape: shapeOf(graph.output?.[0]),
  };
}

/** [] for a value that is not a tensor or declares no shape. */
function shapeOf(value: onnx.IValueInfoProto | undefined): number[] {
  const dims = value?.type?.tensorType?.shape?.dim ?? [];
  return dims.map(({ dimValue }) => {
    if (dimValue === null || dimValue === undefined) return SYMBOLIC_SIZE;
    return typeof dimValue === "number" ? dimValue : dimValue.toNumber();
  });
}
