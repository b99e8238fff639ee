// A trained model as evaluation sees it: its card and a function from windows to posteriors,
// whatever runtime is behind it (the run's tfjs model or its ONNX export on onnxruntime-node).
import { EmotionStreamError, type ModelCard } from "@emotion-stream/core";
import type { LabelledWindows } from "../training/labelled-windows.js";

/** What `--model` named, recorded in the evaluation run. */
export interface ModelReference {
  readonly kind: "tfjs-run" | "onnx";
  /** Absolute path of the run directory or the .onnx file. */
  readonly path: string;
  /** Where the card was read from: the run's model-card.json, the ONNX file's sidecar card or its metadata_props. */
  readonly cardSource: string;
}

export interface EvaluatedModel {
  readonly card: ModelCard;
  readonly reference: ModelReference;
  /** Window posteriors, row-major windows x `card.classes`. */
  predict(windows: LabelledWindows): Promise<Float32Array>;
  /**
   * The same after re-estimating the batch-normalisation statistics on `windows` (AdaBN); absent
   * where there are none to re-estimate (a preset without batch normalisation, or an ONNX file,
   * whose graph has them folded into constants).
   */
  readonly predictAdapted?: (windows: LabelledWindows) => Promise<Float32Array>;
  close(): Promise<void>;
}

/** The model's AdaBN posteriors, or a clear error when it has nothing to adapt. */
export function adaptedPredictor(
  model: EvaluatedModel,
): (windows: LabelledWindows) => Promise<Float32Array> {
  if (model.predictAdapted !== undefined) return model.predictAdapted;
  throw new EmotionStreamError(
    "BAD_ARGUMENT",
    `--adapt-batchnorm: ${model.reference.path} has no batch normalisation to re-estimate: give a training run directory (not an .onnx file) whose preset has batch normalisation`,
    { file: model.reference.path, field: "--adapt-batchnorm" },
  );
}
