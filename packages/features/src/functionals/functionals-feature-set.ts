// A functional set as a feature set of level `functionals`: one row per input (an utterance), the
// functionals of its LLDs, so the trainer's cache, a model card and the features CLI treat
// utterance-level features as any other set; a live stream gets them over a sliding window
// (functionals-window.ts). The utterance extractor keeps the LLD rows (about 150 kB a minute for
// IS09) and computes the row when the input ends; openSMILE's cFunctionals
// (frameMode full) runs at that moment, before its contextual stages produced the rows that read
// past the end, so it sees every LLD row but the last `delayFrames` (IS09: 408 of 411).
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  checkFunctionalsWindow,
  type FunctionalsWindow,
  WindowCursor,
} from "../functionals-window.js";
import { RowCollector } from "../row-collector.js";
import type { StreamingExtractor } from "../streaming-extractor.js";
import type { FunctionalSet } from "./functional-sets.js";
import { applyFunctionals, functionalColumns } from "./functionals.js";

export function functionalsFeatureSet(set: FunctionalSet): FeatureSet {
  const specFor = (sampleRate: number): FeatureSetSpec => {
    const lld = set.lld.specFor(sampleRate);
    const columns = functionalColumns(set.functionals, lld.columns);
    return {
      ...lld,
      name: set.name,
      level: "functionals",
      dimension: columns.length,
      columns,
      params: { ...lld.params, "functionals.config": set.config },
    };
  };
  return {
    name: set.name,
    lldSet: set.lld.name,
    spec: specFor(set.lld.spec.sampleRate),
    specFor,
    createExtractor: (sampleRate) => new FunctionalsExtractor(set, sampleRate),
    createWindowedExtractor: (sampleRate, window) => {
      checkFunctionalsWindow(window);
      return new FunctionalsExtractor(set, sampleRate, window);
    },
  };
}

/**
 * The utterance's functionals at `end`, and with a `window` also one row per window as soon as
 * its last LLD row is out (the LLD rows before the current window are dropped: bounded memory).
 */
class FunctionalsExtractor implements StreamingExtractor {
  readonly dimension: number;
  readonly delayFrames: number;
  private readonly set: FunctionalSet;
  private readonly lld: StreamingExtractor;
  private readonly frameStepSeconds: number;
  /** A live stream's windows; undefined for a whole utterance. */
  private readonly cursor: WindowCursor | undefined;
  /** LLD rows from the cursor's `base` frame on. */
  private readonly rows: RowCollector;
  private ended = false;

  constructor(set: FunctionalSet, sampleRate: number, window?: FunctionalsWindow) {
    this.set = set;
    this.lld = set.lld.createExtractor(sampleRate);
    const spec = set.lld.specFor(sampleRate);
    this.frameStepSeconds = spec.frameStepSeconds;
    this.dimension = functionalColumns(set.functionals, spec.columns).length;
    this.cursor = window === undefined ? undefined : new WindowCursor(window);
    this.delayFrames = window === undefined ? Number.POSITIVE_INFINITY : this.lld.delayFrames;
    this.rows = new RowCollector(spec.dimension, window?.frames ?? 512);
  }

  push(chunk: Float32Array): FeatureMatrix {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    this.append(this.lld.push(chunk));
    return this.completedWindows();
  }

  end(): FeatureMatrix {
    if (this.ended) return emptyFeatureMatrix(this.dimension);
    this.ended = true;
    this.append(this.lld.end());
    const windows = this.completedWindows();
    if (this.cursor !== undefined && this.cursor.windows > 0) return windows;
    // The whole input, as openSMILE's utterance-level functionals see it.
    const seen = this.rows.rows - this.lld.delayFrames;
    // A live stream too short for any functionals simply has none.
    if (seen < 1 && this.cursor !== undefined) return emptyFeatureMatrix(this.dimension);
    if (seen < 1) {
      throw new EmotionStreamError(
        "UTTERANCE_TOO_SHORT",
        `${this.set.name} functionals need at least ${this.lld.delayFrames + 1} LLD frames; the audio gives ${this.rows.rows}`,
        { expected: this.lld.delayFrames + 1, received: this.rows.rows },
      );
    }
    const data = applyFunctionals(
      this.rows.matrix(seen),
      this.set.functionals,
      this.frameStepSeconds,
    );
    return { frames: 1, dimension: this.dimension, data };
  }

  private append(matrix: FeatureMatrix): void {
    for (let t = 0; t < matrix.frames; t += 1) this.rows.append(matrix.data, t * matrix.dimension);
  }

  /** The rows of every window whose frames are all in. */
  private completedWindows(): FeatureMatrix {
    const { cursor } = this;
    if (cursor === undefined) return emptyFeatureMatrix(this.dimension);
    const out = new RowCollector(this.dimension, 1);
    for (let first = cursor.nextWindow(this.rows.rows); first >= 0; ) {
      const rows = this.rows.slice(first, cursor.window.frames);
      out.append(applyFunctionals(rows, this.set.functionals, this.frameStepSeconds));
      this.rows.discard(cursor.advance(this.rows.rows));
      first = cursor.nextWindow(this.rows.rows);
    }
    return out.take();
  }
}
