// The flags `train` and `experiment` share (corpora, preset, epochs, weight decay, seed, backend, threads,
// runs directory), parsed once into experiment settings, plus loading the corpora they name.

import { resolve } from "node:path";
import { EmotionStreamError, parseWithSchema } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";
import type { Command } from "commander";
import { z } from "zod";
import { addCorpusOptions, parseCorpusOptions } from "../corpora/corpus-options.js";
import { SILENCE_TRIMS, trimSilence } from "../dataset/silence-trim.js";
import { checkMappableCorpora } from "../evaluation/mappable-corpora.js";
import { createExtractionProgress } from "../feature-cache/extraction-progress.js";
import { type LoadedCorpora, loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import type { ModelPreset } from "../models/model-preset.js";
import { DEFAULT_PRESET, getPreset, PRESET_NAMES } from "../models/presets/registry.js";
import { BACKEND_NAMES, defaultTrainingThreads, selectBackend } from "../tfjs/backend.js";
import { parseLanguageMixing } from "../training/language-mixing.js";
import type { ExperimentSettings } from "./run-experiment.js";

const trainingFlagsSchema = z.object({
  preset: z.string(),
  epochs: z.coerce.number().int().positive().optional(),
  weightDecay: z.coerce.number().nonnegative().max(10).optional(),
  seed: z.coerce.number().int(),
  backend: z.enum(["auto", ...BACKEND_NAMES]),
  threads: z.coerce.number().int().positive().optional(),
  runs: z.string(),
  languageBatches: z.string().optional(),
  normalisation: z.enum(["l2-frame", "global", "corpus", "speaker"]).optional(),
  trimSilence: z.enum(SILENCE_TRIMS).optional(),
  windowFrames: z.coerce.number().int().positive().optional(),
  hopFrames: z.coerce.number().int().positive().optional(),
});

export function addTrainingOptions(command: Command): Command {
  return addCorpusOptions(command, true)
    .option("--preset <name>", `model preset: ${PRESET_NAMES.join(", ")}`, DEFAULT_PRESET)
    .option("--epochs <n>", "epochs (default: the preset's)")
    .option(
      "--weight-decay <lambda>",
      "L2 penalty on the weights, 0 to 10 (default: the preset's; the linear presets' strength)",
    )
    .option("--seed <n>", "seed of the split, initial weights, dropout and batch order", "1")
    .option("--backend <name>", `tfjs backend: auto, ${BACKEND_NAMES.join(", ")}`, "auto")
    .option(
      "--threads <n>",
      "training threads, data-parallel (default: one per core on WASM/CPU, 1 on tfjs-node)",
    )
    .option("--runs <dir>", "directory runs are written under", "runs")
    .option(
      "--normalisation <scope>",
      "l2-frame (the study's), global, corpus or speaker z-normalisation (unseen corpora/speakers use their own unlabelled statistics; default: the preset's)",
    )
    .option(
      "--trim-silence <rule>",
      "cut leading/trailing silence before windowing: energy or none (default: the preset's)",
    )
    .option(
      "--window-frames <n>",
      "frames per window of a sliding-window preset (default: the preset's)",
    )
    .option("--hop-frames <n>", "evaluation hop of a sliding-window preset (default: the preset's)")
    .option(
      "--language-batches <mode>",
      "languages in a batch: mixed, alternate (one language per batch, in turn), balanced (equal shares), tempered (shares as the square root of each language's windows) or shares like en=0.5,fr=0.5 (default: tempered for a language-aware preset, else mixed)",
    );
}

/**
 * Parses the flags, selects the backend (printing it) and loads the corpora; `checkPreset` may
 * refuse the preset before any corpus is read.
 */
export async function prepareTraining(
  flags: Record<string, unknown>,
  checkPreset?: (preset: ModelPreset) => void,
): Promise<{ loaded: LoadedCorpora; settings: ExperimentSettings }> {
  const parsed = parseWithSchema(trainingFlagsSchema, flags, "BAD_ARGUMENT", {
    file: "command line",
  });
  const named = getPreset(parsed.preset);
  // The flags resize a fixed rule's windows; the study's rule takes its length from the data.
  const preset: ModelPreset =
    named.window.kind === "fixed"
      ? {
          ...named,
          window: {
            kind: "fixed",
            windowFrames: parsed.windowFrames ?? named.window.windowFrames,
            hopFrames: parsed.hopFrames ?? named.window.hopFrames,
          },
        }
      : named;
  // A language-aware preset's languages share the batches tempered unless told otherwise.
  const languageMixing = parseLanguageMixing(
    parsed.languageBatches ?? (preset.languageInput === undefined ? "mixed" : "tempered"),
  );
  // The preset decides the feature set unless --features was given.
  const corpusOptions = parseCorpusOptions({
    ...flags,
    features: flags.features ?? preset.featureSet,
  });
  const backend = await selectBackend(parsed.backend);
  const threads = parsed.threads ?? defaultTrainingThreads(backend);
  process.stdout.write(`backend: ${backend}; training threads: ${threads}\n`);
  checkPreset?.(preset);
  // Refused before any corpus is read: silence trimming cuts frames, a functionals set has none.
  const trimSilenceRule = parsed.trimSilence ?? preset.trimSilence;
  const level = getFeatureSet(corpusOptions.featureSet).spec.level;
  if (trimSilenceRule === "energy" && level === "functionals") {
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      `--trim-silence energy cuts frames; ${corpusOptions.featureSet} has one row per utterance`,
      { field: "--trim-silence", value: "energy", allowed: ["none"] },
    );
  }
  const cached = await loadCachedCorpora({
    ...corpusOptions,
    progress: createExtractionProgress(),
  });
  checkMappableCorpora(
    cached.corpora,
    corpusOptions.corpora.map((corpus) => corpus.path),
    corpusOptions.labels === undefined ? "the default emotion table" : "the --labels table",
  );
  const loaded =
    trimSilenceRule === "energy"
      ? { ...cached, ...(await trimSilence(cached.utterances, cached.store, cached.spec.name)) }
      : cached;
  return {
    loaded,
    settings: {
      preset,
      recipe: {
        ...preset.recipe,
        ...(parsed.epochs === undefined ? {} : { epochs: parsed.epochs }),
        ...(parsed.weightDecay === undefined ? {} : { weightDecay: parsed.weightDecay }),
      },
      seed: parsed.seed,
      backend,
      threads,
      runsDir: resolve(parsed.runs),
      corpusOptions,
      languageMixing,
      normalisation: parsed.normalisation ?? preset.normalisation,
      trimSilence: trimSilenceRule,
    },
  };
}
