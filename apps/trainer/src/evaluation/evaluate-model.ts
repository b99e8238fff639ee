// `trainer evaluate` without its command line: opens the model, reads the corpora through the
// card's feature set and emotion table, refuses what the card cannot evaluate, and writes the
// evaluation run (marked running, then finished or failed, as training runs are).
import { runId } from "@emotion-stream/artifacts";
import { DEFAULT_EMOTION_TABLE, type ModelCard } from "@emotion-stream/core";
import type { CorpusOptions } from "../corpora/corpus-options.js";
import { restrictEmotionTable } from "../corpora/emotion-labels.js";
import { defaultLabellingOptions } from "../corpora/read-corpora.js";
import { trimSilence } from "../dataset/silence-trim.js";
import type { ExtractionProgress } from "../feature-cache/extraction-progress.js";
import { loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import { createRunDirectory, type RunDirectory, withRunStatus } from "../runs/run-directory.js";
import { type BackendChoice, selectBackend } from "../tfjs/backend.js";
import { adaptedPredictor } from "./evaluated-model.js";
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
  /**
   * Only utterances with these emotion words are evaluated (e.g. happy, angry, sad, neutral); the
   * others are skipped and counted per label like unmapped ones. Absent: every mapped label.
   */
  readonly labels?: readonly string[];
  /** `batchnorm`: score after AdaBN on each test set (`--adapt-batchnorm`). */
  readonly adaptation?: "batchnorm";
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
    // Refused before any corpus is read.
    if (options.adaptation === "batchnorm") adaptedPredictor(model);
    options.onModel?.(card, runtime);
    const cached = await loadCachedCorpora({
      ...withCardLabelling(options.corpusOptions, card, options.labels),
      ...(options.progress === undefined ? {} : { progress: options.progress }),
    });
    try {
      checkFeatureSpec(card, cached.spec, model.reference.cardSource);
      // The utterances cut as training cut them, by the card's silence rule.
      const loaded =
        card.window.trimSilence === "energy"
          ? { ...cached, ...(await trimSilence(cached.utterances, cached.store, cached.spec.name)) }
          : cached;
      checkMappableCorpora(
        loaded.corpora,
        options.corpusOptions.corpora.map((corpus) => corpus.path),
        "the model card's emotion table",
      );
      const run = await createRunDirectory(options.runsDir, runId(`evaluate-${card.name}`));
      const outcome = await withRunStatus(run, () =>
        writeEvaluationRun(run, {
          model,
          loaded,
          corpora: options.corpusOptions.corpora,
          runtime,
          labelTable: labelTableSource(card, options.labels),
          ...(options.adaptation === undefined ? {} : { adaptation: options.adaptation }),
        }),
      );
      return { run, ...outcome };
    } finally {
      await cached.store.close();
    }
  } finally {
    await model.close();
  }
}

/**
 * The card's feature set, and its emotion table in place of the default one when it has one;
 * with `labels`, every word of that table outside them maps to nothing (skipped and counted).
 */
function withCardLabelling(
  options: CorpusOptions,
  card: ModelCard,
  labels: readonly string[] | undefined,
): CorpusOptions {
  const featured = { ...options, featureSet: card.featureSet.name };
  const cardTable = card.labelMapping.emotionTable;
  if (cardTable === undefined && labels === undefined) return featured;
  const table =
    labels === undefined
      ? (cardTable ?? DEFAULT_EMOTION_TABLE)
      : restrictEmotionTable(
          cardTable ?? DEFAULT_EMOTION_TABLE,
          labels,
          "the model's emotion table",
        );
  const { emotionMapping } = defaultLabellingOptions({ emotionTable: { table, mode: "replace" } });
  return { ...featured, labelling: { ...options.labelling, emotionMapping } };
}

function labelTableSource(card: ModelCard, labels: readonly string[] | undefined): string {
  const source =
    card.labelMapping.emotionTable === undefined
      ? "core's default emotion table (the model card records none: training used the default)"
      : "the model card's emotion table";
  return labels === undefined
    ? source
    : `${source}, restricted to --labels ${labels.join(", ")} (other labels skipped and counted)`;
}
