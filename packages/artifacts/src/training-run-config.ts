// config.json as `trainer train` and `trainer experiment` write it: the run config every reader
// reads (run-config.ts) plus what rebuilds the run's data (feature set, seed and split, the
// normalisation) and how it was trained. The window is core's (as the model card records it); the
// recipe and language mixing are the trainer's own shapes, recorded for people to read.
import { modelWindowRuleSchema } from "@emotion-stream/core";
import { z } from "zod";
import { runConfigSchema, runCorpusArgumentSchema, splitDescriptionSchema } from "./run-config.js";

/** The experiment kinds a training run has: the study's three settings and a plain run. */
export const TRAINING_EXPERIMENT_KINDS = ["train", "mono", "multi", "cross"] as const;

export type TrainingExperimentKind = (typeof TRAINING_EXPERIMENT_KINDS)[number];

/** How features were normalised (`--normalisation`; the preset's when not given). */
export const RUN_NORMALISATIONS = ["l2-frame", "global", "corpus", "speaker"] as const;

export type RunNormalisation = (typeof RUN_NORMALISATIONS)[number];

export const trainingRunConfigSchema = runConfigSchema.extend({
  command: z.enum(["train", "experiment"]),
  experiment: z.object({
    kind: z.enum(TRAINING_EXPERIMENT_KINDS),
    trainCorpora: z.array(z.string()).readonly(),
    testCorpora: z.array(z.string()).readonly(),
  }),
  seed: z.number().int(),
  split: splitDescriptionSchema,
  corpora: z.array(runCorpusArgumentSchema).min(1).readonly(),
  recipe: z.unknown(),
  backend: z.string(),
  threads: z.number().int().positive(),
  languageMixing: z.unknown(),
  /** The feature set's registry name (`mfcc0_12`, ...). */
  featureSet: z.string().min(1),
  /** The trained window: core's `ModelWindow` under this file's own names (`frames`, `hop`). */
  window: z.object({
    frames: z.number().int().positive(),
    hop: z.number().int().positive(),
    rule: modelWindowRuleSchema,
  }),
  normalisation: z.enum(RUN_NORMALISATIONS),
  trimSilence: z.string(),
  /** Whether test corpora not trained on were also scored after AdaBN. */
  adaptBatchNormalisation: z.boolean(),
});

export type TrainingRunConfig = z.infer<typeof trainingRunConfigSchema>;
