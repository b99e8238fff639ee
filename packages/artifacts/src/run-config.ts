// What every run's config.json says, whichever trainer command wrote it (train, experiment,
// evaluate), for every reader of a runs directory (the trainer's report, the dashboard): the
// experiment (its kind and the corpora trained and tested on, by name), each corpus's language, the
// preset, the seed, the split and the --corpus arguments. Each command writes its own fields beside
// these (training-run-config.ts, evaluation-run-config.ts); the schema keeps them.
import { z } from "zod";

/** The study's settings, a plain training run, and an evaluation of a trained model. */
export const RUN_EXPERIMENT_KINDS = ["train", "mono", "multi", "cross", "evaluate"] as const;

export type RunExperimentKind = (typeof RUN_EXPERIMENT_KINDS)[number];

export const runCorpusArgumentSchema = z.object({
  adapter: z.string().min(1),
  path: z.string().min(1),
  language: z.string().optional(),
});

/** Which speaker split a training run was trained and tested on. */
export const splitDescriptionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("speaker"), seed: z.number().int() }),
  z.object({
    kind: z.literal("speaker-folds"),
    seed: z.number().int(),
    folds: z.number().int(),
    /** 0-based index of the test fold. */
    fold: z.number().int(),
  }),
]);

export type SplitDescription = z.infer<typeof splitDescriptionSchema>;

export const runConfigSchema = z.looseObject({
  command: z.enum(["train", "experiment", "evaluate"]),
  experiment: z.object({
    kind: z.enum(RUN_EXPERIMENT_KINDS),
    trainCorpora: z.array(z.string()).readonly(),
    testCorpora: z.array(z.string()).readonly(),
  }),
  /** Language of every corpus trained or tested on, by corpus name. */
  languages: z.record(z.string(), z.string()),
  preset: z.string().min(1),
  /** Absent for evaluation runs, which train nothing. */
  seed: z.number().int().optional(),
  /** Absent for evaluation runs and in runs written before folds existed (a speaker split by `seed`). */
  split: splitDescriptionSchema.optional(),
  /** The --corpus arguments: what was trained on, or for an evaluation what was tested on. */
  corpora: z.array(runCorpusArgumentSchema).readonly(),
});

export type RunConfig = z.infer<typeof runConfigSchema>;
