// A finished training run's tfjs model as an evaluated model. The run loader (shared with the
// exporter) checks the status, validates the card and refuses a model whose shapes differ from it.
import { join } from "node:path";
import { RUN_FILES } from "@emotion-stream/artifacts";
import { loadRun } from "../onnx-export/export-run.js";
import {
  batchNormalisationLayers,
  withBatchNormalisationAdaptedTo,
} from "../training/batchnorm-adaptation.js";
import { predictWindows } from "../training/evaluation.js";
import type { LabelledWindows } from "../training/labelled-windows.js";
import type { EvaluatedModel } from "./evaluated-model.js";

export async function openTfjsRun(runDirectory: string): Promise<EvaluatedModel> {
  const run = await loadRun(runDirectory);
  return {
    card: run.card,
    reference: {
      kind: "tfjs-run",
      path: runDirectory,
      cardSource: join(runDirectory, RUN_FILES.modelCard),
    },
    predict: async (windows) => predictWindows(run.model, windows),
    ...(batchNormalisationLayers(run.model).length === 0
      ? {}
      : {
          predictAdapted: async (windows: LabelledWindows) =>
            withBatchNormalisationAdaptedTo(run.model, windows, (model) =>
              predictWindows(model, windows),
            ),
        }),
    close: async () => {
      run.model.dispose();
    },
  };
}
