// Several functionals sets side by side: one row per utterance holding each set's functionals in
// order (eGeMAPS's voice quality and formants beside IS09's MFCC 1-12 statistics). Each part keeps
// its own extractor, so every value is exactly what that set alone gives.
import type { FeatureSetName, FeatureSetSpec } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import { RowCollector } from "../row-collector.js";
import type { StreamingExtractor } from "../streaming-extractor.js";
import { StreamingExtractorBase } from "../streaming-extractor-base.js";

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
    createWindowedExtractor: (sampleRate, window) =>
      new ConcatenatedExtractor(
        parts.map((part) => {
          if (part.createWindowedExtractor === undefined) {
            throw new RangeError(`${name}: part ${part.name} has no windowed extractor`);
          }
          return part.createWindowedExtractor(sampleRate, window);
        }),
      ),
  };
}

/** Row k is every part's row k side by side, out once all parts have given it. */
class ConcatenatedExtractor extends StreamingExtractorBase {
  readonly dimension: number;
  readonly delayFrames: number;
  private readonly parts: readonly StreamingExtractor[];
  /** Each part's rows not yet joined. */
  private readonly queues: readonly RowCollector[];

  constructor(parts: readonly StreamingExtractor[]) {
    super();
    this.parts = parts;
    this.dimension = parts.reduce((sum, part) => sum + part.dimension, 0);
    this.delayFrames = Math.max(...parts.map((part) => part.delayFrames));
    this.queues = parts.map((part) => new RowCollector(part.dimension, 2));
  }

  protected accept(chunk: Float32Array): FeatureMatrix {
    for (const [index, part] of this.parts.entries()) this.enqueue(index, part.push(chunk));
    return this.join();
  }

  protected finish(): FeatureMatrix {
    for (const [index, part] of this.parts.entries()) this.enqueue(index, part.end());
    return this.join();
  }

  private enqueue(index: number, rows: FeatureMatrix): void {
    const queue = this.queues[index] as RowCollector;
    for (let t = 0; t < rows.frames; t += 1) queue.append(rows.data, t * rows.dimension);
  }

  private join(): FeatureMatrix {
    const ready = Math.min(...this.queues.map((queue) => queue.rows));
    const data = new Float32Array(ready * this.dimension);
    let offset = 0;
    for (const queue of this.queues) {
      for (let t = 0; t < ready; t += 1) {
        data.set(queue.slice(t, 1).data, t * this.dimension + offset);
      }
      offset += queue.dimension;
      queue.discard(ready);
    }
    return { frames: ready, dimension: this.dimension, data };
  }
}
