// What a feature set computes, stated completely enough that two extractors agreeing on a spec
// produce the same numbers; a model card carries it so a server can refuse mismatched features.
import { z } from "zod";

export const FEATURE_SET_NAMES = [
  "mfcc0_12",
  "mfcc0_12_d_a",
  "is09_lld",
  "is09_prosody_formants",
  "is09",
  "egemaps_v02_lld",
  "egemaps_v02",
  "egemaps_v02_is09",
  "compare16_lld",
  "compare16",
] as const;

/**
 * `lld`: one row per frame (frame-level descriptors); `functionals`: one row per utterance, the
 * statistics of the LLDs over all its frames (openSMILE's utterance-level sets).
 */
export const FEATURE_LEVELS = ["lld", "functionals"] as const;
export type FeatureLevel = (typeof FEATURE_LEVELS)[number];

export const featureSetNameSchema = z.enum(FEATURE_SET_NAMES);

export type FeatureSetName = z.infer<typeof featureSetNameSchema>;

export const featureSetSpecSchema = z
  .object({
    name: featureSetNameSchema,
    /** Absent in cards written before functionals existed: `lld`. */
    level: z.enum(FEATURE_LEVELS).optional(),
    /** Hz; the rate the frames were computed at (after any resampling). */
    sampleRate: z.number().int().positive(),
    frameSizeSeconds: z.number().positive(),
    frameStepSeconds: z.number().positive(),
    /** Values per row; equals `columns.length`. */
    dimension: z.number().int().positive(),
    /** One name per value of a row, in order (openSMILE's column names where they exist). */
    columns: z.array(z.string().min(1)),
    /** Every other parameter that changes the numbers (window, pre-emphasis, mel bands, lifter, ...). */
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  })
  .refine((spec) => spec.columns.length === spec.dimension, {
    message: "columns must list exactly `dimension` names",
    path: ["columns"],
  });

export type FeatureSetSpec = z.infer<typeof featureSetSpecSchema>;
