// What every functionals extractor does with its LLD levels: a whole utterance gets one row at the
// end (or UTTERANCE_TOO_SHORT); a live stream with a `window` gets one row per window as soon as
// every level has the window's rows, and rows before the next window are dropped, so memory is
// bounded (functionals-window.ts). A subclass keeps the levels and computes the functionals.
import type { EmotionStreamError } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  checkFunctionalsWindow,
  type FunctionalsWindow,
  WindowCursor,
} from "../functionals-window.js";
import { RowCollector } from "../row-collector.js";
import { StreamingExtractorBase } from "../streaming-extractor-base.js";

/**
 * A functionals set's `createExtractor` and `createWindowedExtractor` from one way to build its
 * extractor (`window` undefined: a whole utterance); a window is checked before anything is built.
 */
export function functionalsExtractors(
  create: (
    sampleRate: number,
    window: FunctionalsWindow | undefined,
    expectedSamples?: number,
  ) => FunctionalsExtractor,
): Pick<FeatureSet, "createExtractor" | "createWindowedExtractor"> {
  return {
    createExtractor: (sampleRate, expectedSamples) =>
      create(sampleRate, undefined, expectedSamples),
    createWindowedExtractor: (sampleRate, window) => {
      checkFunctionalsWindow(window);
      return create(sampleRate, window);
    },
  };
}

export abstract class FunctionalsExtractor extends StreamingExtractorBase {
  /**
   * A live stream's windows (its `base`: the first frame every level still holds); undefined for
   * a whole utterance.
   */
  protected readonly cursor: WindowCursor | undefined;

  constructor(window: FunctionalsWindow | undefined) {
    super();
    this.cursor = window === undefined ? undefined : new WindowCursor(window);
  }

  /** Feeds a chunk of samples to the levels. */
  protected abstract feed(chunk: Float32Array): void;

  /** Ends the levels' input. */
  protected abstract feedEnd(): void;

  /** Rows every level holds, from the cursor's `base` frame on. */
  protected abstract heldRows(): number;

  /** Drops the first `rows` held rows of every level. */
  protected abstract discard(rows: number): void;

  /** The functionals of held rows `first` .. `first + frames - 1`. */
  protected abstract windowFunctionals(first: number, frames: number): Float32Array;

  /** The functionals of the whole input as openSMILE's see it; undefined when it is too short. */
  protected abstract utteranceFunctionals(): Float32Array | undefined;

  /** UTTERANCE_TOO_SHORT for a whole utterance without functionals. */
  protected abstract tooShort(): EmotionStreamError;

  protected accept(chunk: Float32Array): FeatureMatrix {
    this.feed(chunk);
    return this.completedWindows();
  }

  protected finish(): FeatureMatrix {
    this.feedEnd();
    const windows = this.completedWindows();
    const { cursor } = this;
    if (cursor !== undefined && cursor.windows > 0) return windows;
    const data = this.utteranceFunctionals();
    if (data !== undefined) return { frames: 1, dimension: this.dimension, data };
    // A live stream too short for any functionals simply has none.
    if (cursor !== undefined) return windows;
    throw this.tooShort();
  }

  /** A functionals row for each window every level has all rows of. */
  private completedWindows(): FeatureMatrix {
    const { cursor } = this;
    if (cursor === undefined) return emptyFeatureMatrix(this.dimension);
    const out = new RowCollector(this.dimension, 1);
    const { frames } = cursor.window;
    for (let first = cursor.nextWindow(this.heldRows()); first >= 0; ) {
      out.append(this.windowFunctionals(first, frames));
      this.discard(cursor.advance(this.heldRows()));
      first = cursor.nextWindow(this.heldRows());
    }
    return out.take();
  }
}
