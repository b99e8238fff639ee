// What one feature row of a model stands for in stream time. A frame-level model's row is one
// frame (10 ms apart, a frame long); a functionals model's row summarises a window of LLD frames
// (the card's live window) and comes once per hop.
import type { ModelCard } from "@emotion-stream/core";

export interface RowTiming {
  /** Stream seconds between consecutive rows. */
  readonly stepSeconds: number;
  /** Stream seconds one row covers, from its first sample to its last. */
  readonly spanSeconds: number;
  /** A functionals model's live window, in LLD frames. */
  readonly functionalsWindow?: { readonly frames: number; readonly hopFrames: number };
}

export function rowTimingOf(card: ModelCard): RowTiming {
  const { frameStepSeconds, frameSizeSeconds } = card.featureSet;
  const window = card.window.functionals;
  if (card.featureSet.level !== "functionals" || window === undefined) {
    return { stepSeconds: frameStepSeconds, spanSeconds: frameSizeSeconds };
  }
  return {
    stepSeconds: window.hopFrames * frameStepSeconds,
    spanSeconds: (window.frames - 1) * frameStepSeconds + frameSizeSeconds,
    functionalsWindow: window,
  };
}
