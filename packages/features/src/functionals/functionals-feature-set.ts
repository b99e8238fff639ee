// A functional set as a feature set of level `functionals`: one row per input (an utterance), the
// functionals of its LLDs, so the trainer's cache, a model card and the features CLI treat
// utterance-level features as any other set. The extractor keeps the utterance's LLD rows (about
// 150 kB a minute for IS09) and computes the row when the input ends; openSMILE's cFunctionals
// (frameMode full) runs at that moment, before its contextual stages produced the rows that read
// past the end, so it sees every LLD row but the last `delayFrames` (IS09: 408 of 411).
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import {
  concatFeatureMatrices,
  emptyFeatureMatrix,
  type FeatureMatrix,
} from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
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
    createExtractor: (sampleRate) => new UtteranceFunctionalsExtractor(set, sampleRate),
  };
}

class UtteranceFunctionalsExtractor implements StreamingExtractor {
  readonly dimension: number;
  /** Nothing leaves before the input ends. */
  readonly delayFrames = Number.POSITIVE_INFINITY;
  private readonly set: FunctionalSet;
  private readonly lld: StreamingExtractor;
  private readonly frameStepSeconds: number;
  private readonly parts: FeatureMatrix[] = [];
  private ended = false;

  constructor(set: FunctionalSet, sampleRate: number) {
    this.set = set;
    this.lld = set.lld.createExtractor(sampleRate);
    const spec = set.lld.specFor(sampleRate);
    this.frameStepSeconds = spec.frameStepSeconds;
    this.dimension = functionalColumns(set.functionals, spec.columns).length;
  }

  push(chunk: Float32Array): FeatureMatrix {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    const rows = this.lld.push(chunk);
    if (rows.frames > 0) this.parts.push(rows);
    return emptyFeatureMatrix(this.dimension);
  }

  end(): FeatureMatrix {
    if (this.ended) return emptyFeatureMatrix(this.dimension);
    this.ended = true;
    this.parts.push(this.lld.end());
    const lld = concatFeatureMatrices(this.lld.dimension, this.parts);
    this.parts.length = 0;
    const seen = lld.frames - this.lld.delayFrames;
    if (seen < 1) {
      throw new EmotionStreamError(
        "UTTERANCE_TOO_SHORT",
        `${this.set.name} functionals need at least ${this.lld.delayFrames + 1} LLD frames; the audio gives ${lld.frames}`,
        { expected: this.lld.delayFrames + 1, received: lld.frames },
      );
    }
    const rows = { ...lld, frames: seen, data: lld.data.subarray(0, seen * lld.dimension) };
    const data = applyFunctionals(rows, this.set.functionals, this.frameStepSeconds);
    return { frames: 1, dimension: this.dimension, data };
  }
}
