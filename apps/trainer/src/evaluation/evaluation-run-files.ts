// An evaluation run's files, in the layout of a training run (status.json, config.json, data.json,
// metrics.json, model-card.json) plus decisions.json: what was evaluated on what with which card,
// and per test set its metrics and per-utterance decisions.
import { runConfigSchema } from "@emotion-stream/core";
import { z } from "zod";

export const EVALUATION_EXPERIMENT = "evaluate";
export const EVALUATION_CONFIG_FILE = "config.json";
export const EVALUATION_DATA_FILE = "data.json";
export const EVALUATION_METRICS_FILE = "metrics.json";
export const EVALUATION_DECISIONS_FILE = "decisions.json";
/** The evaluated model's card, copied into the run. */
export const EVALUATION_MODEL_CARD_FILE = "model-card.json";

/**
 * Core's run config, so the report and the dashboard read it as a training run's: train corpora
 * and languages from the model card, test sets from this run; plus what evaluation adds.
 */
export const evaluationConfigSchema = runConfigSchema.extend({
  command: z.literal("evaluate"),
  experiment: z.object({
    kind: z.literal(EVALUATION_EXPERIMENT),
    trainCorpora: z.array(z.string()).readonly(),
    testCorpora: z.array(z.string()).readonly(),
  }),
  model: z.object({
    kind: z.enum(["tfjs-run", "onnx"]),
    path: z.string(),
    cardSource: z.string(),
    name: z.string(),
  }),
  runtime: z.string(),
  featureSet: z.string(),
  window: z.unknown(),
  normalisation: z.string(),
  aggregation: z.string(),
  labelTable: z.string(),
  /** `batchnorm`: batch-norm statistics re-estimated on each test set before scoring (AdaBN). */
  adaptation: z.enum(["none", "batchnorm"]),
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

const countsSchema = z.record(z.string(), z.number().int().nonnegative());

export const evaluationDataSchema = z.object({
  testSets: z.array(
    z.object({
      testSet: z.string(),
      corpus: z.string(),
      language: z.string(),
      utterances: z.number().int().nonnegative(),
      speakers: z.number().int().nonnegative(),
      windows: z.number().int().nonnegative(),
    }),
  ),
  /** Per `--corpus` (`<adapter>:<path>`): what was left out and why. */
  skipped: z.array(
    z.object({
      corpus: z.string(),
      labels: countsSchema,
      unreadableFiles: z.array(z.object({ file: z.string(), message: z.string() })),
      otherReasons: countsSchema,
    }),
  ),
});

export type EvaluationData = z.infer<typeof evaluationDataSchema>;
