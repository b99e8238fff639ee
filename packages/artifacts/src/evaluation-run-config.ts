// config.json as `trainer evaluate` writes it: the run config every reader reads, so the report and
// the dashboard read an evaluation as a training run (train corpora and languages from the model
// card, test sets from this run), plus what was evaluated, how, and with which runtime.
import { cardWindowSchema } from "@emotion-stream/core";
import { z } from "zod";
import { runConfigSchema } from "./run-config.js";

/** The experiment kind of every evaluation run. */
export const EVALUATION_EXPERIMENT = "evaluate";

export const evaluationRunConfigSchema = runConfigSchema.extend({
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
  /** The evaluated model card's window. */
  window: cardWindowSchema,
  normalisation: z.string(),
  aggregation: z.string(),
  labelTable: z.string(),
  /** `batchnorm`: batch-norm statistics re-estimated on each test set before scoring (AdaBN). */
  adaptation: z.enum(["none", "batchnorm"]),
});

export type EvaluationRunConfig = z.infer<typeof evaluationRunConfigSchema>;
