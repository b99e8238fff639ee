// Training or evaluation windows over labelled utterances: a window is the data layer's reference
// (utterance, first frame), materialised only when a batch is read. Its utterance's features are
// either held in memory or read on demand (from the feature cache through a bounded read cache),
// so memory need not grow with the corpus however many windows it has.
import { EmotionStreamError, type WindowRef } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import { copyWindow } from "../dataset/windows.js";
import type { ReadFeatures } from "../feature-cache/read-cache.js";

/** What batches and utterance-level scoring need to know of an utterance besides its features. */
export interface WindowedUtterance {
  /** Class index in the canonical class order. */
  readonly label: number;
  /** For language-mixed batches; "und" when absent. */
  readonly language?: string;
}

export interface LabelledUtterance extends WindowedUtterance {
  /** Normalised as the model expects. */
  readonly features: FeatureMatrix;
}

export interface LabelledWindows {
  readonly count: number;
  readonly frames: number;
  readonly dimension: number;
  readonly utterances: readonly WindowedUtterance[];
  /** Class index of each window. */
  readonly labels: Uint8Array;
  /** Index into `utterances` of each window. */
  readonly utteranceOf: Uint32Array;
  /** Index into `languages` of each window. */
  readonly languageOf: Uint8Array;
  readonly languages: readonly string[];
  /**
   * Copies windows `indices` one after another (frames x dimension each, row-major, zero-padded)
   * into `target` from its start, reading the features of utterances not at hand.
   */
  readWindows(indices: ArrayLike<number>, target: Float32Array): Promise<void>;
}

/** Windows over utterances whose features are in memory. */
export function labelledWindows(
  utterances: readonly LabelledUtterance[],
  windows: readonly WindowRef[],
  frames: number,
): LabelledWindows {
  const dimension = utterances[0]?.features.dimension ?? 0;
  for (const utterance of utterances) checkDimension(utterance.features, dimension);
  return streamedWindows(
    utterances,
    windows,
    frames,
    dimension,
    (item) => (utterances[item] as LabelledUtterance).features,
  );
}

/** The indices `[start, end)`: windows in their own order. */
export function windowRange(start: number, end: number): Uint32Array {
  return Uint32Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

/** Windows whose utterances' features `read` brings (normalised as the model expects). */
export function streamedWindows(
  utterances: readonly WindowedUtterance[],
  windows: readonly WindowRef[],
  frames: number,
  dimension: number,
  read: ReadFeatures<number>,
): LabelledWindows {
  const utteranceOf = Uint32Array.from(windows, (window) => window.item);
  const starts = Uint32Array.from(windows, (window) => window.start);
  const labels = Uint8Array.from(windows, (window) => utterances[window.item]?.label ?? 0);
  const languageNames = utterances.map((utterance) => utterance.language ?? "und");
  const languages = [...new Set(languageNames)].sort();
  const languageOf = Uint8Array.from(windows, (window) =>
    languages.indexOf(languageNames[window.item] ?? "und"),
  );
  const size = frames * dimension;
  return {
    count: windows.length,
    frames,
    dimension,
    utterances,
    labels,
    utteranceOf,
    languageOf,
    languages,
    async readWindows(indices, target) {
      const reads: Promise<void>[] = [];
      for (let i = 0; i < indices.length; i++) {
        const index = indices[i] as number;
        const start = starts[index] as number;
        const features = read(utteranceOf[index] as number);
        if (features instanceof Promise) {
          reads.push(
            features.then((matrix) => {
              checkDimension(matrix, dimension);
              copyWindow(matrix, start, frames, target, i * size);
            }),
          );
        } else {
          copyWindow(features, start, frames, target, i * size);
        }
      }
      await Promise.all(reads);
    },
  };
}

function checkDimension(features: FeatureMatrix, dimension: number): void {
  if (features.dimension !== dimension) {
    throw new EmotionStreamError("BAD_FRAME_DIMENSION", "utterances differ in feature dimension", {
      expected: dimension,
      received: features.dimension,
    });
  }
}
