// `trainer evaluate` without its command line: opens the model, reads the corpora through the
// card's feature set and emotion table, refuses what the card cannot evaluate, and writes the
// evaluation run (marked running, then finished or failed, as training runs are).
import type { ModelCard } from "@emotion-stream/core";
import type { CorpusOptions } from "../corpora/corpus-options.js";
import { defaultLabellingOptions } from "../corpora/read-corpora.js";
import type { ExtractionProgress } from "../feature-cache/extraction-progress.js";
import { loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import {
  createRunDirectory,
  type RunDirectory,
  runId,
  withRunStatus,
} from "../runs/run-directory.js";
import { type BackendChoice, selectBackend } from "../tfjs/backend.js";
import { checkMappableCorpora } from "./mappable-corpora.js";
import { checkFeatureSpec } from "./model-card-match.js";
import { openEvaluatedModel } from "./open-evaluated-model.js";
import { type EvaluationOutcome, writeEvaluationRun } from "./write-evaluation-run.js";

export interface EvaluateModelOptions {
  /** Absolute path of a training run directory or an .onnx file. */
  readonly modelPath: string;
  /** The corpora and labelling flags; the feature set is replaced by the card's. */
  readonly corpusOptions: CorpusOptions;
  readonly runsDir: string;
  /** tfjs backend for a run directory's model. */
  readonly backend: BackendChoice;
  readonly progress?: ExtractionProgress;
  /** Called once the model is open, before the corpora are read. */
  readonly onModel?: (card: ModelCard, runtime: string) => void;
}

export interface ModelEvaluation extends EvaluationOutcome {
  readonly run: RunDirectory;
}

export async function evaluateModel(options: EvaluateModelOptions): Promise<ModelEvaluation> {
  // A run directory's tfjs model needs its backend before it is loaded.
  const runtime = options.modelPath.toLowerCase().endsWith(".onnx")
    ? "onnxruntime-node"
    : `tfjs (${await selectBackend(options.backend)})`;
  const model = await openEvaluatedModel(options.modelPath);
  try {
    const { card } = model;
    options.onModel?.(card, runtime);
    const loaded = await loadCachedCorpora({
      ...withCardLabelling(options.corpusOptions, card),
      ...(options.progress === undefined ? {} : { progress: options.progress }),
    });
    try {
      checkFeatureSpec(card, loaded.spec, model.reference.cardSource);
      checkMappableCorpora(
        loaded.corpora,
        options.corpusOptions.corpora.map((corpus) => corpus.path),
      );
      const run = await createRunDirectory(options.runsDir, runId(`evaluate-${card.name}`));
      const outcome = await withRunStatus(run, () =>
        writeEvaluationRun(run, {
          model,
          loaded,
          corpora: options.corpusOptions.corpora,
          runtime,
          labelTable: labelTableSource(card),
        }),
      );
      return { run, ...outcome };
    } finally {
      await loaded.store.close();
    }
  } finally {
    await model.close();
  }
}

/** The card's feature set, and its emotion table in place of the default one when it has one. */
function withCardLabelling(options: CorpusOptions, card: ModelCard): CorpusOptions {
  const featured = { ...options, featureSet: card.featureSet.name };
  const table = card.labelMapping.emotionTable;
  if (table === undefined) return featured;
  const { emotionMapping } = defaultLabellingOptions({ emotionTable: { table, mode: "replace" } });
  return { ...featured, labelling: { ...options.labelling, emotionMapping } };
}

function labelTableSource(card: ModelCard): string {
  return card.labelMapping.emotionTable === undefined
    ? "core's default emotion table (the model card records none: training used the default)"
    : "the model card's emotion table";
}
