// Functionals of a live stream: one row every `hopFrames` LLD frames over the last `frames` of
// them, the same functionals a whole utterance gets, so a model trained on utterances of about
// that length is served on windows of it. Window k covers frames k * hopFrames ..
// k * hopFrames + frames - 1.
import { EmotionStreamError, FUNCTIONALS_WINDOW_FRAMES } from "@emotion-stream/core";

export interface FunctionalsWindow {
  /** LLD frames per window. */
  readonly frames: number;
  /** LLD frames between window starts. */
  readonly hopFrames: number;
}

/** The shortest window: a few voiced frames' worth for the segment and slope functionals. */
export const MIN_FUNCTIONALS_WINDOW_FRAMES = FUNCTIONALS_WINDOW_FRAMES.min;

export function checkFunctionalsWindow(window: FunctionalsWindow): void {
  const { frames, hopFrames } = window;
  const { min, max } = FUNCTIONALS_WINDOW_FRAMES;
  if (!Number.isInteger(frames) || frames < min || frames > max) {
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      `a functionals window is ${min} to ${max} whole frames`,
      { field: "frames", value: frames },
    );
  }
  if (!Number.isInteger(hopFrames) || hopFrames < 1 || hopFrames > max) {
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      "a functionals window's hop is whole frames >= 1",
      {
        field: "hopFrames",
        value: hopFrames,
      },
    );
  }
}
