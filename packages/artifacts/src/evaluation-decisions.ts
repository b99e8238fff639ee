// decisions.json of an evaluation run: per test set, every utterance's true and predicted class,
// so a reader can find which speakers or raw labels a model gets wrong.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { z } from "zod";

export const evaluationDecisionSchema = z.object({
  id: z.string(),
  speaker: z.string(),
  rawLabel: z.string(),
  truth: z.enum(QUADRANT_CLASSES),
  predicted: z.enum(QUADRANT_CLASSES),
});

export type EvaluationDecision = z.infer<typeof evaluationDecisionSchema>;

/** Keyed by test set name, in the order of metrics.json. */
export const evaluationDecisionsSchema = z.record(
  z.string(),
  z.array(evaluationDecisionSchema).readonly(),
);

export type EvaluationDecisions = z.infer<typeof evaluationDecisionsSchema>;
