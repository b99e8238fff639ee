// Real verification windows for a run: its validation partition rebuilt as `trainer train` and
// `trainer experiment` built it — same corpora, feature set and seed, the same speaker split cut to
// the experiment's training corpora, the run's normalisation fitted on the training partition, its
// silence trimming and its window (`--window-frames`/`--hop-frames` included) — from the feature
// cache.
import { readRunJsonAs, requireRunJson, trainingRunConfigSchema } from "@emotion-stream/artifacts";
import type { z } from "zod";
import { defaultLabellingOptions } from "../corpora/read-corpora.js";
import { splitBySpeaker } from "../dataset/dataset-split.js";
import { trimSilence } from "../dataset/silence-trim.js";
import { prepareExperimentData } from "../experiments/experiment-data.js";
import { experimentSplit } from "../experiments/run-experiment.js";
import { loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import type { ModelPreset } from "../models/model-preset.js";
import { getPreset } from "../models/presets/registry.js";
import type { LabelledWindows } from "../training/labelled-windows.js";
import type { WindowBatch } from "./window-batch.js";

/**
 * The part of a training run's config.json that decides its validation partition. Runs written
 * before experiments had no `experiment` (none cut the split), runs before --normalisation no
 * `normalisation` (then the preset's).
 */
const validationConfigSchema = trainingRunConfigSchema
  .pick({
    preset: true,
    seed: true,
    featureSet: true,
    corpora: true,
    experiment: true,
    normalisation: true,
    window: true,
    trimSilence: true,
  })
  .partial({ experiment: true, normalisation: true, window: true, trimSilence: true });

export interface ValidationWindowOptions {
  /** The feature cache to read (and fill, if the corpora are not cached yet). */
  readonly cacheDir: string;
  /** At most this many windows. */
  readonly count: number;
  /** Extraction worker threads for uncached files; 0 extracts in-process. */
  readonly workers?: number;
}

export interface ValidationWindows {
  readonly windows: WindowBatch;
  /** Where the windows came from, for the user to read. */
  readonly description: string;
}

/**
 * Up to `count` validation windows of the run, spread evenly over the partition. The labelling
 * options (IEMOCAP/RECOLA thresholds) are not in config.json, so the defaults are used.
 */
export async function runValidationWindows(
  runDirectory: string,
  { cacheDir, count, workers }: ValidationWindowOptions,
): Promise<ValidationWindows> {
  const config = requireRunJson(
    await readRunJsonAs(runDirectory, "config", validationConfigSchema),
    runDirectory,
    "config",
  );
  const preset = withRunWindow(getPreset(config.preset), config.window);
  const cached = await loadCachedCorpora({
    corpora: config.corpora,
    labelling: defaultLabellingOptions(),
    featureSet: config.featureSet,
    cacheDir,
    ...(workers === undefined ? {} : { workers }),
  });
  const loaded =
    config.trimSilence === "energy"
      ? { ...cached, ...(await trimSilence(cached.utterances, cached.store, cached.spec.name)) }
      : cached;
  try {
    const speakerSplit = splitBySpeaker(loaded.utterances, config.seed);
    const split =
      config.experiment === undefined || config.experiment.kind === "train"
        ? speakerSplit
        : experimentSplit(speakerSplit, config.experiment);
    const data = await prepareExperimentData(
      split,
      loaded.store,
      preset,
      loaded.spec.dimension,
      config.normalisation ?? preset.normalisation,
    );
    const windows = await evenlySpacedWindows(data.validation, count);
    const corpora = config.corpora.map((corpus) => `${corpus.adapter}:${corpus.path}`).join(", ");
    return {
      windows,
      description: `${windows.count} of the run's ${data.validation.count} validation windows (${split.validation.length} utterances of ${corpora}, seed ${config.seed}, default labelling options)`,
    };
  } finally {
    await loaded.store.close();
  }
}

/** The preset as the run trained it: a fixed window's length and hop as its config recorded them. */
function withRunWindow(
  preset: ModelPreset,
  window: z.infer<typeof validationConfigSchema>["window"],
): ModelPreset {
  if (window === undefined || window.rule.kind !== "fixed") return preset;
  return {
    ...preset,
    window: { kind: "fixed", windowFrames: window.frames, hopFrames: window.hop },
  };
}

/** `count` windows (or all, if fewer) at evenly spaced indices, copied into one block. */
export async function evenlySpacedWindows(
  source: LabelledWindows,
  count: number,
): Promise<WindowBatch> {
  const taken = Math.min(count, source.count);
  const data = new Float32Array(taken * source.frames * source.dimension);
  const indices = Uint32Array.from({ length: taken }, (_, index) =>
    Math.floor((index * source.count) / taken),
  );
  await source.readWindows(indices, data);
  return { count: taken, frames: source.frames, dimension: source.dimension, data };
}
