// Class probabilities for a batch of windows from each runtime the export is checked against:
// tfjs (the trained model) and onnxruntime (node or web, which share onnxruntime-common's API).
import * as tf from "@tensorflow/tfjs";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { ONNX_INPUT_NAME, ONNX_OUTPUT_NAME } from "./layers-model-to-onnx.js";
import type { WindowBatch } from "./window-batch.js";
import { sliceWindowBatch } from "./window-batch.js";

/** Windows per run; bounds the memory of one inference call. */
const CHUNK_WINDOWS = 64;

type TensorConstructor = new (
  type: "float32",
  data: Float32Array,
  dims: readonly number[],
) => Tensor;

export function predictWithTfjs(model: tf.LayersModel, windows: WindowBatch): Float32Array {
  return tf.tidy(() => {
    const input = tf.tensor3d(windows.data, [windows.count, windows.frames, windows.dimension]);
    const output = model.predict(input, { batchSize: CHUNK_WINDOWS }) as tf.Tensor;
    return Float32Array.from(output.dataSync());
  });
}

export async function predictWithOnnxruntime(
  session: InferenceSession,
  TensorClass: TensorConstructor,
  windows: WindowBatch,
): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  for (let start = 0; start < windows.count; start += CHUNK_WINDOWS) {
    const chunk = sliceWindowBatch(windows, start, CHUNK_WINDOWS);
    const input = new TensorClass("float32", chunk.data, [
      chunk.count,
      chunk.frames,
      chunk.dimension,
    ]);
    const outputs = await session.run({ [ONNX_INPUT_NAME]: input });
    chunks.push(Float32Array.from(outputs[ONNX_OUTPUT_NAME]?.data as Float32Array));
  }
  return concatenateProbabilities(chunks);
}

/** Probabilities computed chunk by chunk, as one array in chunk order. */
export function concatenateProbabilities(chunks: readonly Float32Array[]): Float32Array {
  const result = new Float32Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
