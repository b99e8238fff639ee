// The corpus and feature-cache flags every trainer command shares, parsed once at the edge into
// the typed options of the data layer.
import { isAbsolute, resolve } from "node:path";
import { DEFAULT_EMOTION_TABLE, type EmotionTable, parseWithSchema } from "@emotion-stream/core";
import type { Command } from "commander";
import { z } from "zod";
import { ADAPTER_NAMES } from "./adapters/registry.js";
import { type CorpusArgument, collectCorpusArgument } from "./corpus-argument.js";
import { restrictEmotionTable } from "./emotion-labels.js";
import { defaultLabellingOptions, type LabellingOptions } from "./read-corpora.js";

export interface CorpusOptions {
  readonly corpora: readonly CorpusArgument[];
  readonly labelling: LabellingOptions;
  readonly featureSet: string;
  /** Absolute. */
  readonly cacheDir: string;
  /** Extraction worker threads; undefined means one per core. */
  readonly workers?: number;
  /** `--labels`: the emotion words kept; undefined keeps every word the table maps. */
  readonly labels?: readonly string[];
  /** The emotion table applied to categorical corpora when `labels` restricts the default one. */
  readonly emotionTable?: EmotionTable;
}

/**
 * Adds `--corpus` (repeatable) and the labelling, feature and cache flags to `command`.
 * `featuresFromPreset`: commands that train leave `--features` unset by default, since the preset
 * names its feature set.
 */
export function addCorpusOptions(command: Command, featuresFromPreset = false): Command {
  return command
    .option(
      "--corpus <adapter:path[:language]>",
      `corpus to read (repeatable); adapters: ${ADAPTER_NAMES.join(", ")}`,
      collectCorpusArgument,
      [],
    )
    .option(
      "--features <set>",
      featuresFromPreset ? "feature set (default: the preset's)" : "feature set",
      featuresFromPreset ? undefined : "mfcc0_12",
    )
    .option("--cache <dir>", "feature cache directory", ".cache/features")
    .option("--workers <n>", "extraction worker threads (0: in-process; default one per core)")
    .option(
      "--iemocap-labels <source>",
      "IEMOCAP quadrant from 'dimensions' or 'category'",
      "dimensions",
    )
    .option("--iemocap-threshold <rating>", "IEMOCAP valence/arousal midpoint on 1-5", "3")
    .option("--recola-segment <seconds>", "RECOLA segment length", "4")
    .option("--recola-voiced-only", "RECOLA: keep only segments where speech is active")
    .option(
      "--labels <words>",
      "keep only these emotion words (e.g. happy,angry,sad,neutral,calm); other labels are skipped and counted",
    );
}

const flagsSchema = z.object({
  corpus: z.array(z.custom<CorpusArgument>()).min(1, "give at least one --corpus <adapter>:<path>"),
  features: z.string(),
  cache: z.string(),
  workers: z.coerce.number().int().min(0).optional(),
  iemocapLabels: z.enum(["dimensions", "category"]),
  iemocapThreshold: z.coerce.number().min(1).max(5),
  recolaSegment: z.coerce.number().positive(),
  recolaVoicedOnly: z.boolean().optional(),
  labels: z
    .string()
    .transform((list) => list.split(",").map((word) => word.trim()))
    .pipe(z.array(z.string().min(1)).min(1))
    .optional(),
});

/** The typed options behind the flags `addCorpusOptions` added; paths resolved against `cwd`. */
export function parseCorpusOptions(flags: unknown, cwd: string = process.cwd()): CorpusOptions {
  const parsed = parseWithSchema(flagsSchema, flags, "BAD_ARGUMENT", { file: "command line" });
  const emotionTable =
    parsed.labels === undefined
      ? undefined
      : restrictEmotionTable(DEFAULT_EMOTION_TABLE, parsed.labels, "the default emotion table");
  const defaults = defaultLabellingOptions(
    emotionTable === undefined ? {} : { emotionTable: { table: emotionTable, mode: "replace" } },
  );
  const midpoint = parsed.iemocapThreshold;
  return {
    corpora: parsed.corpus,
    featureSet: parsed.features,
    cacheDir: isAbsolute(parsed.cache) ? parsed.cache : resolve(cwd, parsed.cache),
    ...(parsed.workers === undefined ? {} : { workers: parsed.workers }),
    ...(parsed.labels === undefined ? {} : { labels: parsed.labels, emotionTable }),
    labelling: {
      ...defaults,
      iemocapLabels: parsed.iemocapLabels,
      iemocapThresholds: {
        ...defaults.iemocapThresholds,
        valenceMidpoint: midpoint,
        arousalMidpoint: midpoint,
      },
      recolaSegmentSeconds: parsed.recolaSegment,
      recolaVoicedOnly: parsed.recolaVoicedOnly === true,
    },
  };
}
