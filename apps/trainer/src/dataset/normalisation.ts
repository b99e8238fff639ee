// Feature normalisation. Z-normalisation per dimension with statistics fitted on training data
// only, over all of it (global), per corpus or per speaker; the statistics are plain JSON for the
// model card. Per-frame L2 normalisation is the original study's choice (no statistics needed).
import { EmotionStreamError, ZNormAccumulator } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";

export const NORMALISATION_SCOPES = ["none", "global", "corpus", "speaker", "l2-frame"] as const;

export type NormalisationScope = (typeof NORMALISATION_SCOPES)[number];

export interface ZNormStatistics {
  readonly mean: number[];
  readonly std: number[];
  readonly frames: number;
}

export interface NormalisationStatistics {
  readonly scope: NormalisationScope;
  readonly dimension: number;
  /** Keyed by "all" (global), corpus name or speaker id; empty for "none" and "l2-frame". */
  readonly groups: Readonly<Record<string, ZNormStatistics>>;
}

export interface NormalisationGroup {
  readonly corpus: string;
  readonly speaker: string;
}

/** The group key an utterance's statistics live under for `scope`. */
export function normalisationKey(scope: NormalisationScope, group: NormalisationGroup): string {
  if (scope === "corpus") return group.corpus;
  if (scope === "speaker") return group.speaker;
  return "all";
}

/**
 * Statistics for `scope` over `items` (the training split; or, for per-speaker normalisation of
 * unseen speakers, their own unlabelled features), loading each utterance's features once.
 */
export async function fitNormalisation<T extends NormalisationGroup>(
  scope: NormalisationScope,
  items: readonly T[],
  features: (item: T) => Promise<FeatureMatrix>,
  dimension: number,
): Promise<NormalisationStatistics> {
  if (scope === "none" || scope === "l2-frame") return { scope, dimension, groups: {} };
  const accumulators = new Map<string, ZNormAccumulator>();
  for (const item of items) {
    const key = normalisationKey(scope, item);
    let accumulator = accumulators.get(key);
    if (accumulator === undefined) {
      accumulator = new ZNormAccumulator(dimension);
      accumulators.set(key, accumulator);
    }
    accumulator.add(await features(item));
  }
  const groups: Record<string, ZNormStatistics> = {};
  for (const [key, accumulator] of accumulators) groups[key] = accumulator.statistics();
  return { scope, dimension, groups };
}

/**
 * `statistics` plus groups fitted on the unlabelled features of `items` whose group it lacks: how
 * per-speaker (or per-corpus) normalisation reaches speakers never seen in training. Groups the
 * training statistics already hold are kept as they are; labels are never looked at.
 */
export async function withUnseenGroups<T extends NormalisationGroup>(
  statistics: NormalisationStatistics,
  items: readonly T[],
  features: (item: T) => Promise<FeatureMatrix>,
): Promise<NormalisationStatistics> {
  if (statistics.scope === "none" || statistics.scope === "l2-frame") return statistics;
  const unseen = items.filter(
    (item) => statistics.groups[normalisationKey(statistics.scope, item)] === undefined,
  );
  if (unseen.length === 0) return statistics;
  const fitted = await fitNormalisation(statistics.scope, unseen, features, statistics.dimension);
  return { ...statistics, groups: { ...statistics.groups, ...fitted.groups } };
}

/** A normalised copy of `matrix` for an utterance of `group`. */
export function normaliseFeatures(
  matrix: FeatureMatrix,
  statistics: NormalisationStatistics,
  group: NormalisationGroup,
): FeatureMatrix {
  checkDimension(matrix, statistics.dimension);
  const data = new Float32Array(matrix.data);
  if (statistics.scope === "l2-frame") l2NormaliseFrames(data, matrix.dimension);
  else if (statistics.scope !== "none") {
    const key = normalisationKey(statistics.scope, group);
    const stats = statistics.groups[key];
    if (stats === undefined) {
      throw new EmotionStreamError(
        "BAD_NORMALISATION",
        `no ${statistics.scope} statistics for ${key}`,
        {
          field: key,
          allowed: Object.keys(statistics.groups),
        },
      );
    }
    zNormalise(data, stats);
  }
  return { frames: matrix.frames, dimension: matrix.dimension, data };
}

function zNormalise(data: Float32Array, { mean, std }: ZNormStatistics): void {
  const dimension = mean.length;
  for (let i = 0; i < data.length; i++) {
    const d = i % dimension;
    data[i] = ((data[i] ?? 0) - (mean[d] ?? 0)) / (std[d] ?? 1);
  }
}

/** Scales every frame to unit Euclidean length in place; all-zero frames stay zero. */
export function l2NormaliseFrames(data: Float32Array, dimension: number): void {
  for (let start = 0; start < data.length; start += dimension) {
    let energy = 0;
    for (let i = start; i < start + dimension; i++) energy += (data[i] ?? 0) ** 2;
    if (energy === 0) continue;
    const scale = 1 / Math.sqrt(energy);
    for (let i = start; i < start + dimension; i++) data[i] = (data[i] ?? 0) * scale;
  }
}

function checkDimension(matrix: FeatureMatrix, dimension: number): void {
  if (matrix.dimension !== dimension) {
    throw new EmotionStreamError("BAD_FRAME_DIMENSION", "features of another dimension", {
      expected: dimension,
      received: matrix.dimension,
    });
  }
}
