// `--model` is a training run directory (tfjs) or an exported `.onnx` file (onnxruntime-node).
import { stat } from "node:fs/promises";
import { EmotionStreamError } from "@emotion-stream/core";
import type { EvaluatedModel } from "./evaluated-model.js";
import { openOnnxFile } from "./onnx-file-model.js";
import { openTfjsRun } from "./tfjs-run-model.js";

export async function openEvaluatedModel(path: string): Promise<EvaluatedModel> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    throw new EmotionStreamError("MODEL_NOT_FOUND", "no such run directory or ONNX file", {
      file: path,
      field: "--model",
    });
  }
  if (info.isDirectory()) return openTfjsRun(path);
  if (path.toLowerCase().endsWith(".onnx")) return openOnnxFile(path);
  throw new EmotionStreamError("BAD_ARGUMENT", "--model takes a run directory or an .onnx file", {
    file: path,
    field: "--model",
  });
}
