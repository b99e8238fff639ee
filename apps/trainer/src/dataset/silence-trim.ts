// Leading and trailing silence cut from utterances before windowing and normalisation. Corpora
// differ here more than in anything emotional: RAVDESS files hold about a second of near-silence
// around the speech, EmoDB's almost none, so per-speaker statistics, window contents and pooled
// statistics all shift with the corpus unless the silence goes. A frame is speech when its level
// (the feature set's energy column, in dB) lies above the midpoint between the utterance's noise
// floor (10th percentile) and speech level (95th percentile): the level-independent rule of
// corpora/voice-activity.ts, applied to feature frames. Live streams have no utterance edges and
// are not trimmed.
import { EmotionStreamError, type FeatureSetName } from "@emotion-stream/core";
import { type FeatureMatrix, getFeatureSet } from "@emotion-stream/features";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import { FeatureStore } from "../feature-cache/feature-store.js";

export const SILENCE_TRIMS = ["none", "energy"] as const;
export type SilenceTrim = (typeof SILENCE_TRIMS)[number];

/** Frames kept either side of the detected speech (100 ms at the 10 ms hop): onsets and decays. */
const MARGIN_FRAMES = 10;

export interface SpeechBounds {
  /** First kept frame. */
  readonly start: number;
  /** One past the last kept frame. */
  readonly end: number;
}

/** Each frame's level in dB from the set's energy column. */
function levels(matrix: FeatureMatrix, featureSet: FeatureSetName): Float64Array {
  const out = new Float64Array(matrix.frames);
  // The IS09-based sets' column 0 is RMS energy (linear); the MFCC sets' is c0, a log energy.
  const linear = getFeatureSet(featureSet).spec.columns[0]?.startsWith("pcm_RMSenergy") ?? false;
  for (let frame = 0; frame < matrix.frames; frame++) {
    const value = matrix.data[frame * matrix.dimension] ?? 0;
    out[frame] = linear ? 20 * Math.log10(Math.max(value, 1e-6)) : value;
  }
  return out;
}

/** The speech span of one utterance's frames (the whole utterance when nothing stands out). */
export function speechBounds(matrix: FeatureMatrix, featureSet: FeatureSetName): SpeechBounds {
  const level = levels(matrix, featureSet);
  if (level.length === 0) return { start: 0, end: 0 };
  const sorted = Float64Array.from(level).sort();
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  const threshold = (at(0.1) + at(0.95)) / 2;
  let first = level.findIndex((value) => value > threshold);
  let last = level.findLastIndex((value) => value > threshold);
  if (first < 0 || last < 0) {
    first = 0;
    last = level.length - 1;
  }
  return {
    start: Math.max(0, first - MARGIN_FRAMES),
    end: Math.min(level.length, last + 1 + MARGIN_FRAMES),
  };
}

/** Rows [start, end) of `matrix`. */
export function sliceFrames(matrix: FeatureMatrix, { start, end }: SpeechBounds): FeatureMatrix {
  const { dimension } = matrix;
  return {
    frames: end - start,
    dimension,
    data: matrix.data.slice(start * dimension, end * dimension),
  };
}

/** Utterance ids are unique within a corpus. */
const trimKey = (utterance: CachedUtterance) => `${utterance.corpus}\u0000${utterance.id}`;

/**
 * A store serving trimmed utterances: each keeps its id and gets the trimmed frame count; loading
 * reads the cached record and cuts it, so nothing is held in memory beyond the bounds.
 */
class TrimmedFeatureStore extends FeatureStore {
  constructor(
    readonly inner: FeatureStore,
    readonly trims: ReadonlyMap<string, { original: CachedUtterance; bounds: SpeechBounds }>,
  ) {
    super();
  }

  override async load(utterance: CachedUtterance): Promise<FeatureMatrix> {
    const trim = this.trims.get(trimKey(utterance));
    if (trim === undefined) {
      throw new EmotionStreamError("INTERNAL_ERROR", "utterance was not trimmed", {
        utterance: utterance.id,
      });
    }
    return sliceFrames(await this.inner.load(trim.original), trim.bounds);
  }

  override close(): Promise<void> {
    return this.inner.close();
  }
}

/** `utterances` with their silence cut, and the store that loads them so (one pass to find bounds). */
export async function trimSilence<T extends CachedUtterance>(
  utterances: readonly T[],
  store: FeatureStore,
  featureSet: FeatureSetName,
): Promise<{ utterances: T[]; store: FeatureStore }> {
  const trims = new Map<string, { original: CachedUtterance; bounds: SpeechBounds }>();
  const trimmed: T[] = [];
  for (const utterance of utterances) {
    const bounds = speechBounds(await store.load(utterance), featureSet);
    trims.set(trimKey(utterance), { original: utterance, bounds });
    trimmed.push({ ...utterance, frames: bounds.end - bounds.start });
  }
  return { utterances: trimmed, store: new TrimmedFeatureStore(store, trims) };
}
