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

/**
 * Where a stream's windows stand over rows kept from frame `base` on: the next window's first row
 * among the kept ones while a whole window is held, and after it, how many rows to drop (those
 * before the next window), so the caller keeps at most about one window.
 */
export class WindowCursor {
  readonly window: FunctionalsWindow;
  /** Frame index of the first kept row. */
  base = 0;
  /** Windows passed so far. */
  windows = 0;
  private nextStart = 0;

  constructor(window: FunctionalsWindow) {
    this.window = window;
  }

  /** The next window's first row among `held` kept rows, or -1 while the window is incomplete. */
  nextWindow(held: number): number {
    return this.base + held >= this.nextStart + this.window.frames
      ? this.nextStart - this.base
      : -1;
  }

  /** Moves past the window just computed; returns the rows to drop from the front of the kept. */
  advance(held: number): number {
    this.windows += 1;
    this.nextStart += this.window.hopFrames;
    const drop = Math.min(held, this.nextStart - this.base);
    this.base += drop;
    return drop;
  }
}
