// Audio to one row of utterance-level functionals, as openSMILE computes them: the LLDs of the
// set's frame-level pipeline, then its functionals over them. openSMILE's cFunctionals (frameMode
// full) runs when the input ends, before its contextual stages (smoothing, deltas) have produced
// the rows that read past the end: it sees every LLD row but the last `lookahead` of each stage
// (IS09: 1 for the 3-frame smoother, 2 for the deltas, so 408 of 411 rows for a 410-frame file).
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import { extractWithPipeline } from "../streaming-extractor.js";
import type { FunctionalSet } from "./functional-sets.js";
import { applyFunctionals } from "./functionals.js";

export function extractFunctionals(
  set: FunctionalSet,
  samples: Float32Array,
  sampleRate: number,
): Float32Array {
  const pipeline = set.lld.createPipeline(sampleRate);
  const lld = extractWithPipeline(pipeline, samples);
  const postEndRows = pipeline.contextualStages.reduce((sum, stage) => sum + stage.lookahead, 0);
  const seen = rowsBefore(lld, lld.frames - postEndRows);
  if (seen.frames < 1) {
    throw new EmotionStreamError(
      "UTTERANCE_TOO_SHORT",
      `${set.name} functionals need at least ${postEndRows + 1} LLD frames; the audio gives ${lld.frames}`,
      { expected: postEndRows + 1, received: lld.frames },
    );
  }
  const { frameStepSeconds } = set.lld.specFor(sampleRate);
  return applyFunctionals(seen, set.functionals, frameStepSeconds);
}

function rowsBefore(matrix: FeatureMatrix, frames: number): FeatureMatrix {
  const kept = Math.max(0, frames);
  return {
    frames: kept,
    dimension: matrix.dimension,
    data: matrix.data.subarray(0, kept * matrix.dimension),
  };
}
