// A functional set as a feature set of level `functionals`: one row per input (an utterance), the
// functionals of its LLDs, so the trainer's cache, a model card and the features CLI treat
// utterance-level features as any other set; a live stream gets them over a sliding window
// (functionals-window.ts). The utterance extractor keeps the LLD rows (about 150 kB a minute for
// IS09) and computes the row when the input ends; openSMILE's cFunctionals
// (frameMode full) runs at that moment, before its contextual stages produced the rows that read
// past the end, so it sees every LLD row but the last `delayFrames` (IS09: 408 of 411).
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import type { FunctionalsWindow } from "../functionals-window.js";
import { RowCollector } from "../row-collector.js";
import type { StreamingExtractor } from "../streaming-extractor.js";
import type { FunctionalSet } from "./functional-sets.js";
import { applyFunctionals, functionalColumns } from "./functionals.js";
import { FunctionalsExtractor, functionalsExtractors } from "./functionals-extractor.js";

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
    ...functionalsExtractors(
      (sampleRate, window) => new FunctionalSetExtractor(set, sampleRate, window),
    ),
  };
}

/** The functionals of one LLD set's rows, kept from the cursor's `base` frame on. */
class FunctionalSetExtractor extends FunctionalsExtractor {
  readonly dimension: number;
  readonly delayFrames: number;
  private readonly set: FunctionalSet;
  private readonly lld: StreamingExtractor;
  private readonly frameStepSeconds: number;
  private readonly rows: RowCollector;

  constructor(set: FunctionalSet, sampleRate: number, window: FunctionalsWindow | undefined) {
    super(window);
    this.set = set;
    this.lld = set.lld.createExtractor(sampleRate);
    const spec = set.lld.specFor(sampleRate);
    this.frameStepSeconds = spec.frameStepSeconds;
    this.dimension = functionalColumns(set.functionals, spec.columns).length;
    this.delayFrames = window === undefined ? Number.POSITIVE_INFINITY : this.lld.delayFrames;
    this.rows = new RowCollector(spec.dimension, window?.frames ?? 512);
  }

  protected feed(chunk: Float32Array): void {
    this.append(this.lld.push(chunk));
  }

  protected feedEnd(): void {
    this.append(this.lld.end());
  }

  protected heldRows(): number {
    return this.rows.rows;
  }

  protected discard(rows: number): void {
    this.rows.discard(rows);
  }

  protected windowFunctionals(first: number, frames: number): Float32Array {
    return applyFunctionals(
      this.rows.slice(first, frames),
      this.set.functionals,
      this.frameStepSeconds,
    );
  }

  /** The whole input, as openSMILE's utterance-level functionals see it. */
  protected utteranceFunctionals(): Float32Array | undefined {
    const seen = this.rows.rows - this.lld.delayFrames;
    if (seen < 1) return undefined;
    return applyFunctionals(this.rows.matrix(seen), this.set.functionals, this.frameStepSeconds);
  }

  protected tooShort(): EmotionStreamError {
    const { set, lld, rows } = this;
    return new EmotionStreamError(
      "UTTERANCE_TOO_SHORT",
      `${set.name} functionals need at least ${lld.delayFrames + 1} LLD frames; the audio gives ${rows.rows}`,
      { expected: lld.delayFrames + 1, received: rows.rows },
    );
  }

  private append(matrix: FeatureMatrix): void {
    for (let t = 0; t < matrix.frames; t += 1) this.rows.append(matrix.data, t * matrix.dimension);
  }
}
