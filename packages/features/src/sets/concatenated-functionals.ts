// Several functionals sets side by side: one row per utterance holding each set's functionals in
// order (eGeMAPS's voice quality and formants beside IS09's MFCC 1-12 statistics). Each part keeps
// its own extractor, so every value is exactly what that set alone gives.
import { EmotionStreamError, type FeatureSetName, type FeatureSetSpec } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import type { StreamingExtractor } from "../streaming-extractor.js";

export function concatenatedFunctionalsSet(
  name: FeatureSetName,
  parts: readonly FeatureSet[],
): FeatureSet {
  for (const part of parts) {
    if (part.spec.level !== "functionals") {
      throw new RangeError(`${name}: part ${part.name} is not a functionals set`);
    }
  }
  const specFor = (sampleRate: number): FeatureSetSpec => {
    const specs = parts.map((part) => part.specFor(sampleRate));
    const first = specs[0] as FeatureSetSpec;
    const columns = specs.flatMap((spec) => spec.columns);
    const params: FeatureSetSpec["params"] = { parts: parts.map((part) => part.name).join("+") };
    for (const spec of specs) {
      for (const [key, value] of Object.entries(spec.params)) params[`${spec.name}.${key}`] = value;
    }
    return { ...first, name, level: "functionals", dimension: columns.length, columns, params };
  };
  return {
    name,
    spec: specFor(parts[0]?.spec.sampleRate ?? 16000),
    specFor,
    createExtractor: (sampleRate) =>
      new ConcatenatedExtractor(parts.map((part) => part.createExtractor(sampleRate))),
  };
}

class ConcatenatedExtractor implements StreamingExtractor {
  readonly dimension: number;
  readonly delayFrames = Number.POSITIVE_INFINITY;
  private readonly parts: readonly StreamingExtractor[];
  private ended = false;

  constructor(parts: readonly StreamingExtractor[]) {
    this.parts = parts;
    this.dimension = parts.reduce((sum, part) => sum + part.dimension, 0);
  }

  push(chunk: Float32Array): FeatureMatrix {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    for (const part of this.parts) part.push(chunk);
    return emptyFeatureMatrix(this.dimension);
  }

  end(): FeatureMatrix {
    if (this.ended) return emptyFeatureMatrix(this.dimension);
    this.ended = true;
    const data = new Float32Array(this.dimension);
    let offset = 0;
    for (const part of this.parts) {
      const row = part.end();
      data.set(row.data.subarray(0, part.dimension), offset);
      offset += part.dimension;
    }
    return { frames: 1, dimension: this.dimension, data };
  }
}
