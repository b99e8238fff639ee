// Training or evaluation windows over labelled utterances held in memory: a window is the data
// layer's reference (utterance, first frame), materialised only when a batch is assembled, so
// memory stays that of the features however much the windows overlap.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import { copyWindow, type WindowRef } from "../dataset/windows.js";

export interface LabelledUtterance {
  /** Normalised as the model expects. */
  readonly features: FeatureMatrix;
  /** Class index in the canonical class order. */
  readonly label: number;
  /** For language-mixed batches; "und" when absent. */
  readonly language?: string;
}

export interface LabelledWindows {
  readonly count: number;
  readonly frames: number;
  readonly dimension: number;
  readonly utterances: readonly LabelledUtterance[];
  /** Class index of each window. */
  readonly labels: Uint8Array;
  /** Index into `utterances` of each window. */
  readonly utteranceOf: Uint32Array;
  /** Index into `languages` of each window. */
  readonly languageOf: Uint8Array;
  readonly languages: readonly string[];
  /** Copies window `index` (frames x dimension, row-major, zero-padded) into `target` at `offset`. */
  copyWindow(index: number, target: Float32Array, offset: number): void;
}

export function labelledWindows(
  utterances: readonly LabelledUtterance[],
  windows: readonly WindowRef[],
  frames: number,
): LabelledWindows {
  const dimension = utterances[0]?.features.dimension ?? 0;
  for (const utterance of utterances) {
    if (utterance.features.dimension !== dimension) {
      throw new EmotionStreamError(
        "BAD_FRAME_DIMENSION",
        "utterances differ in feature dimension",
        {
          expected: dimension,
          received: utterance.features.dimension,
        },
      );
    }
  }
  const utteranceOf = Uint32Array.from(windows, (window) => window.item);
  const labels = Uint8Array.from(windows, (window) => utterances[window.item]?.label ?? 0);
  const languageNames = utterances.map((utterance) => utterance.language ?? "und");
  const languages = [...new Set(languageNames)].sort();
  const languageOf = Uint8Array.from(windows, (window) =>
    languages.indexOf(languageNames[window.item] ?? "und"),
  );
  return {
    count: windows.length,
    frames,
    dimension,
    utterances,
    labels,
    utteranceOf,
    languageOf,
    languages,
    copyWindow(index, target, offset) {
      const window = windows[index] as WindowRef;
      const utterance = utterances[window.item] as LabelledUtterance;
      copyWindow(utterance.features, window.start, frames, target, offset);
    },
  };
}
