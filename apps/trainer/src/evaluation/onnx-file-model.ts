// An exported `.onnx` file as an evaluated model, run on onnxruntime-node: the artifacts package's
// reader checks the seal and gives the card (sidecar or metadata_props) and the graph's declared
// input and output, which must agree with the card before any window is fed in.
import { readModelFile } from "@emotion-stream/artifacts";
import * as ort from "onnxruntime-node";
import {
  concatenateProbabilities,
  predictWithOnnxruntime,
} from "../onnx-export/model-inference.js";
import { type LabelledWindows, windowRange } from "../training/labelled-windows.js";
import type { EvaluatedModel } from "./evaluated-model.js";
import { checkModelShape } from "./model-card-match.js";

/** Windows materialised per inference call; bounds memory on large corpora. */
const BATCH_WINDOWS = 256;

export async function openOnnxFile(path: string): Promise<EvaluatedModel> {
  const file = await readModelFile(path);
  checkModelShape(file.card, file.shapes, path);
  const session = await ort.InferenceSession.create(file.bytes);
  return {
    card: file.card,
    reference: { kind: "onnx", path, cardSource: file.cardLocation },
    predict: (windows) => predictInBatches(session, windows),
    close: () => session.release(),
  };
}

async function predictInBatches(
  session: ort.InferenceSession,
  windows: LabelledWindows,
): Promise<Float32Array> {
  const size = windows.frames * windows.dimension;
  const buffer = new Float32Array(BATCH_WINDOWS * size);
  const parts: Float32Array[] = [];
  for (let start = 0; start < windows.count; start += BATCH_WINDOWS) {
    const count = Math.min(BATCH_WINDOWS, windows.count - start);
    await windows.readWindows(windowRange(start, start + count), buffer);
    const batch = {
      count,
      frames: windows.frames,
      dimension: windows.dimension,
      data: buffer.subarray(0, count * size),
    };
    parts.push(await predictWithOnnxruntime(session, ort.Tensor, batch));
  }
  return concatenateProbabilities(parts);
}
