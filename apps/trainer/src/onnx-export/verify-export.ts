// Runs the same windows through the tfjs model and its ONNX export on onnxruntime-node and
// reports how closely they agree; the export command and the tests refuse anything that fails.
import type * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import { predictWithOnnxruntime, predictWithTfjs } from "./model-inference.js";
import type { ProbabilityAgreement } from "./probability-agreement.js";
import { compareProbabilities, probabilityTolerance } from "./probability-agreement.js";
import type { WindowBatch } from "./window-batch.js";

export async function verifyExport(
  model: tf.LayersModel,
  onnxBytes: Uint8Array,
  windows: WindowBatch,
): Promise<ProbabilityAgreement> {
  const session = await ort.InferenceSession.create(onnxBytes);
  try {
    const expected = predictWithTfjs(model, windows);
    const actual = await predictWithOnnxruntime(session, ort.Tensor, windows);
    return compareProbabilities(
      expected,
      actual,
      expected.length / windows.count,
      probabilityTolerance(windows.dimension),
    );
  } finally {
    await session.release();
  }
}
