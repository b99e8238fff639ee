// data.json: what a run's data was. A training run records its dataset summary (utterances and
// seconds per class, raw label, language, corpus and speaker) and the class balance of each
// partition of its speaker split; an evaluation run its test sets and what it skipped.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { z } from "zod";

const count = z.number().int().nonnegative();
const tallySchema = z.object({ utterances: count, seconds: z.number().nonnegative() });
const classCountsSchema = z.record(z.enum(QUADRANT_CLASSES), count);
const partitionSchema = z.object({
  speakers: count,
  utterances: count,
  classes: classCountsSchema,
});

export const trainingRunDataSchema = z.object({
  summary: z.object({
    ...tallySchema.shape,
    byClass: z.record(z.enum(QUADRANT_CLASSES), tallySchema),
    byRawLabel: z.record(z.string(), tallySchema),
    byLanguage: z.record(z.string(), tallySchema),
    byCorpus: z.record(z.string(), tallySchema),
    speakers: z
      .array(
        z.object({
          ...tallySchema.shape,
          speaker: z.string(),
          corpus: z.string(),
          gender: z.string().optional(),
          classes: classCountsSchema,
        }),
      )
      .readonly(),
  }),
  split: z.object({ train: partitionSchema, validation: partitionSchema, test: partitionSchema }),
});

export type TrainingRunData = z.infer<typeof trainingRunDataSchema>;

export const evaluationRunDataSchema = z.object({
  testSets: z
    .array(
      z.object({
        testSet: z.string(),
        corpus: z.string(),
        language: z.string(),
        utterances: count,
        speakers: count,
        windows: count,
      }),
    )
    .readonly(),
  /** Per `--corpus` (`<adapter>:<path>`): what was left out and why. */
  skipped: z
    .array(
      z.object({
        corpus: z.string(),
        labels: z.record(z.string(), count),
        unreadableFiles: z.array(z.object({ file: z.string(), message: z.string() })).readonly(),
        otherReasons: z.record(z.string(), count),
      }),
    )
    .readonly(),
});

export type EvaluationRunData = z.infer<typeof evaluationRunDataSchema>;

export const runDataSchema = z.union([trainingRunDataSchema, evaluationRunDataSchema]);

export type RunData = z.infer<typeof runDataSchema>;
