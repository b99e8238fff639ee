// The model card of a trained run: everything a server needs to feed the model exactly what
// training fed it (feature set, window, normalisation, class order) plus what it was trained on,
// how, and how it scored. Validated with core's schema before it is written.

import {
  type CorpusSummary,
  EmotionStreamError,
  type EmotionTable,
  type FeatureSetSpec,
  MODEL_CARD_FORMAT,
  MODEL_CARD_VERSION,
  type ModelCard,
  type Normalisation,
  parseModelCard,
  QUADRANT_CLASSES,
  type TestSetMetrics,
} from "@emotion-stream/core";
import { MIN_FUNCTIONALS_WINDOW_FRAMES } from "@emotion-stream/features";
import * as tf from "@tensorflow/tfjs";
import type { NormalisationStatistics } from "../dataset/normalisation.js";
import type { SilenceTrim } from "../dataset/silence-trim.js";
import type { ExperimentData } from "../experiments/experiment-data.js";
import type { TrainingRecipe } from "../models/model-preset.js";

export interface ModelCardInput {
  readonly name: string;
  readonly presetName: string;
  readonly recipe: TrainingRecipe;
  readonly spec: FeatureSetSpec;
  readonly data: ExperimentData;
  readonly corpora: readonly CorpusSummary[];
  readonly metrics: readonly TestSetMetrics[];
  readonly backend: string;
  readonly trimSilence: SilenceTrim;
  /** The emotion table training applied, when `--labels` restricted the default one. */
  readonly emotionTable?: EmotionTable;
}

/**
 * The card's normalisation. Per-corpus and per-speaker statistics need `pooled` (all training
 * frames), which the card offers for inputs of no known group (live streams); evaluation fits an
 * unseen corpus's or speaker's own statistics instead.
 */
export function cardNormalisation(
  statistics: NormalisationStatistics,
  pooled?: NormalisationStatistics,
): Normalisation {
  if (statistics.scope === "l2-frame") return { kind: "per-frame-l2" };
  if (statistics.scope === "none") return { kind: "none" };
  const all = (statistics.scope === "global" ? statistics : pooled)?.groups.all;
  if (all === undefined) {
    throw new EmotionStreamError(
      "BAD_NORMALISATION",
      "a model card cannot record these statistics",
      {
        value: statistics.scope,
      },
    );
  }
  if (statistics.scope === "global") return { kind: "global", mean: all.mean, std: all.std };
  const groups = Object.fromEntries(
    Object.entries(statistics.groups).map(([corpus, { mean, std }]) => [corpus, { mean, std }]),
  );
  const kind = statistics.scope === "speaker" ? "per-speaker" : "per-corpus";
  return { kind, mean: all.mean, std: all.std, groups };
}

/** The recipe as flat card hyperparameters (the card holds scalars, not nested objects). */
export function recipeHyperparameters(
  recipe: TrainingRecipe,
): Record<string, number | string | boolean | null> {
  const { augmentation, ...scalars } = recipe;
  const masking =
    augmentation === null
      ? { augmentation: null }
      : Object.fromEntries(
          Object.entries(augmentation).map(([key, value]) => [`augmentation.${key}`, value]),
        );
  return { ...scalars, ...masking };
}

/** A live stream's functionals are taken every half second. */
const LIVE_FUNCTIONALS_HOP_SECONDS = 0.5;

/**
 * A functionals model on a live stream: windows as long as the utterances it trained on were on
 * average (their functionals describe that much speech), every half second.
 */
function liveFunctionalsWindow(spec: FeatureSetSpec, averageSeconds: number) {
  const frames = (seconds: number) => Math.max(1, Math.round(seconds / spec.frameStepSeconds));
  return {
    frames: Math.max(MIN_FUNCTIONALS_WINDOW_FRAMES, frames(averageSeconds)),
    hopFrames: frames(LIVE_FUNCTIONALS_HOP_SECONDS),
  };
}

export function buildModelCard(input: ModelCardInput): ModelCard {
  return parseModelCard({
    format: MODEL_CARD_FORMAT,
    version: MODEL_CARD_VERSION,
    name: input.name,
    createdAt: new Date().toISOString(),
    classes: [...QUADRANT_CLASSES],
    labelMapping: input.emotionTable === undefined ? {} : { emotionTable: input.emotionTable },
    featureSet: input.spec,
    window: {
      ...input.data.window,
      trimSilence: input.trimSilence,
      ...(input.spec.level === "functionals"
        ? { functionals: liveFunctionalsWindow(input.spec, input.data.averageTrainingSeconds) }
        : {}),
    },
    normalisation: cardNormalisation(input.data.normalisation, input.data.pooledNormalisation),
    ...(input.data.languageInput === undefined ? {} : { languageInput: input.data.languageInput }),
    aggregation: "mean-probability",
    trainingData: { corpora: input.corpora },
    preset: { name: input.presetName, hyperparameters: recipeHyperparameters(input.recipe) },
    metrics: input.metrics,
    tools: { emotionStream: "workspace", tfjs: tf.version.tfjs, backend: input.backend },
  });
}
