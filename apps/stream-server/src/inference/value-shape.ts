// A model input's or output's shape as onnxruntime reports it, with -1 for symbolic sizes (batch).
import type { InferenceSession } from "onnxruntime-node";

export function valueShape(metadata: InferenceSession.ValueMetadata | undefined): number[] {
  if (metadata === undefined || !metadata.isTensor) return [];
  return metadata.shape.map((size) => (typeof size === "number" ? size : -1));
}
