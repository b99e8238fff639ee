// The metadata that travels with every model (beside it as JSON, inside its ONNX file as metadata):
// everything needed to feed it the same inputs it was trained on, and to judge what it was trained on.
import { z } from "zod";
import { emotionTableSchema, valenceArousalThresholdsSchema } from "./emotion-mapping.js";
import { EmotionStreamError } from "./errors.js";
import { featureSetSpecSchema } from "./feature-spec.js";
import { languageInputSchema } from "./language-input.js";
import { parseWithSchema } from "./parse-with-schema.js";
import { QUADRANT_CLASSES } from "./quadrant-classes.js";
import { AGGREGATION_METHODS } from "./utterance-aggregation.js";
import { modelWindowSchema } from "./window-rule.js";

export const MODEL_CARD_FORMAT = "emotion-stream/model-card";
export const MODEL_CARD_VERSION = 1;
/** The ONNX metadata_props key an exported model carries its card under, as JSON. */
export const MODEL_CARD_METADATA_KEY = "model_card";

const quadrantClassSchema = z.enum(QUADRANT_CLASSES);
const count = z.number().int().nonnegative();
const score = z.number().min(0).max(1);

/**
 * A live functionals window's length in LLD frames: a few voiced frames' worth for the segment
 * and slope functionals, at most a minute (what a stream holds per window stays small).
 */
export const FUNCTIONALS_WINDOW_FRAMES = { min: 10, max: 6000 } as const;

/** A card's window: the trained window (window-rule.ts) and how a live stream is fed it. */
export const cardWindowSchema = modelWindowSchema.extend({
  /**
   * Leading/trailing silence cut from each utterance before windowing (the trainer's
   * energy-midpoint rule); absent in older cards = none. Live streams are not trimmed.
   */
  trimSilence: z.enum(["none", "energy"]).optional(),
  /**
   * A functionals-level model (one feature row per utterance) on a live stream: functionals
   * over the last `frames` LLD frames, one row every `hopFrames`. Required for such a model.
   */
  functionals: z
    .object({
      frames: z
        .number()
        .int()
        .min(FUNCTIONALS_WINDOW_FRAMES.min)
        .max(FUNCTIONALS_WINDOW_FRAMES.max),
      hopFrames: z.number().int().positive().max(FUNCTIONALS_WINDOW_FRAMES.max),
    })
    .optional(),
});

export type CardWindow = z.infer<typeof cardWindowSchema>;

const zNormStatisticsSchema = z.object({
  mean: z.array(z.number()),
  std: z.array(z.number().positive()),
});

export const normalisationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  /** Each frame scaled to unit L2 norm, the original study's choice; needs no statistics. */
  z.object({ kind: z.literal("per-frame-l2") }),
  /** (x - mean) / std per dimension, fitted on all training frames. */
  z.object({ kind: z.literal("global"), ...zNormStatisticsSchema.shape }),
  /**
   * Statistics per training corpus or speaker in `groups`; `mean`/`std` are pooled over all training
   * frames and serve inputs from no listed group (live audio, unseen speakers).
   */
  z.object({
    kind: z.enum(["per-corpus", "per-speaker"]),
    ...zNormStatisticsSchema.shape,
    groups: z.record(z.string(), zNormStatisticsSchema),
  }),
]);

export type Normalisation = z.infer<typeof normalisationSchema>;

export const corpusSummarySchema = z.object({
  name: z.string().min(1),
  adapter: z.string().min(1),
  language: z.string().min(1),
  utterances: count,
  speakers: count,
  countsPerClass: z.record(quadrantClassSchema, count),
  /** Utterances left out, keyed by reason (e.g. "unmapped:surprised", "unknown:meh", "too-short"). */
  skipped: z.record(z.string(), count),
});

export type CorpusSummary = z.infer<typeof corpusSummarySchema>;

export const testSetMetricsSchema = z.object({
  testSet: z.string().min(1),
  /** Whether items are whole utterances (aggregated windows) or single windows. */
  level: z.enum(["utterance", "window"]),
  items: count,
  uar: score,
  /** Weighted accuracy = overall accuracy (the study's "MICRO"). */
  wa: score,
  macroF1: score,
  /** The study's "per-class accuracy"; null for a class absent from the test set. */
  perClassRecall: z.record(quadrantClassSchema, score.nullable()),
  /** Rows true class, columns predicted, both in the card's `classes` order. */
  confusion: z.array(z.array(count)),
  /**
   * `batchnorm`: scored after the model's batch-normalisation statistics were re-estimated on the
   * unlabelled test set (AdaBN); absent: the model as trained.
   */
  adaptation: z.enum(["batchnorm"]).optional(),
});

export type TestSetMetrics = z.infer<typeof testSetMetricsSchema>;

const hyperparameterSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.number(), z.string()])),
]);

const modelCardFieldsSchema = z.object({
  format: z.literal(MODEL_CARD_FORMAT),
  version: z.literal(MODEL_CARD_VERSION),
  name: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** The model's output columns, in order; a permutation of the four quadrant classes. */
  classes: z
    .array(quadrantClassSchema)
    .length(QUADRANT_CLASSES.length)
    .refine((classes) => new Set(classes).size === classes.length, "classes must be unique"),
  labelMapping: z.object({
    /** The word -> quadrant table applied to categorical corpora. */
    emotionTable: emotionTableSchema.optional(),
    /** Thresholds applied to dimensional corpora, keyed by corpus name. */
    valenceArousal: z.record(z.string(), valenceArousalThresholdsSchema).optional(),
  }),
  featureSet: featureSetSpecSchema,
  window: cardWindowSchema,
  normalisation: normalisationSchema,
  /**
   * A language-aware model: its input has these language columns after each frame's features
   * (`featureSet.dimension` + languages values a frame); absent = the features alone.
   */
  languageInput: languageInputSchema.optional(),
  aggregation: z.enum(AGGREGATION_METHODS),
  trainingData: z.object({ corpora: z.array(corpusSummarySchema).min(1) }),
  preset: z.object({
    name: z.string().min(1),
    hyperparameters: z.record(z.string(), hyperparameterSchema),
  }),
  metrics: z.array(testSetMetricsSchema),
  tools: z.object({ emotionStream: z.string(), tfjs: z.string(), backend: z.string() }),
});

export const modelCardSchema = modelCardFieldsSchema.superRefine((card, context) => {
  for (const issue of crossFieldIssues(card)) context.addIssue({ code: "custom", ...issue });
});

export type ModelCard = z.infer<typeof modelCardSchema>;

interface CrossFieldIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Agreements between fields that no single field's schema can see. */
function crossFieldIssues(card: z.infer<typeof modelCardFieldsSchema>): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const { dimension } = card.featureSet;
  const checkStatistics = (stats: { mean: number[]; std: number[] }, path: (string | number)[]) => {
    if (stats.mean.length !== dimension || stats.std.length !== dimension) {
      issues.push({ path, message: `mean and std need ${dimension} values (feature dimension)` });
    }
  };
  const { normalisation } = card;
  if (normalisation.kind !== "none" && normalisation.kind !== "per-frame-l2") {
    checkStatistics(normalisation, ["normalisation"]);
    if ("groups" in normalisation) {
      for (const [group, stats] of Object.entries(normalisation.groups)) {
        checkStatistics(stats, ["normalisation", "groups", group]);
      }
    }
  }
  if (card.featureSet.level === "functionals" && card.window.functionals === undefined) {
    issues.push({
      path: ["window", "functionals"],
      message: "a functionals-level model needs its live window (frames, hopFrames)",
    });
  }
  const size = card.classes.length;
  card.metrics.forEach((metrics, index) => {
    if (metrics.confusion.length !== size || metrics.confusion.some((row) => row.length !== size)) {
      issues.push({ path: ["metrics", index, "confusion"], message: `must be ${size} x ${size}` });
    }
  });
  return issues;
}

/**
 * A model card from untrusted JSON. Checks the format magic and version first, so a wrong or newer
 * file is named as such; any other problem throws BAD_MODEL_CARD with the failing field path.
 */
export function parseModelCard(input: unknown, source?: string): ModelCard {
  const details = source === undefined ? {} : { file: source };
  const header = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(input);
  const format = header.success ? header.data.format : undefined;
  if (format !== MODEL_CARD_FORMAT) {
    throw new EmotionStreamError("BAD_MODEL_CARD", "not an emotion-stream model card", {
      ...details,
      field: "format",
      expected: MODEL_CARD_FORMAT,
      received: String(format),
    });
  }
  const version = header.success ? header.data.version : undefined;
  if (version !== MODEL_CARD_VERSION) {
    throw new EmotionStreamError("BAD_MODEL_CARD", "unsupported model card version", {
      ...details,
      field: "version",
      expected: MODEL_CARD_VERSION,
      received: String(version),
    });
  }
  return parseWithSchema(modelCardSchema, input, "BAD_MODEL_CARD", details);
}
