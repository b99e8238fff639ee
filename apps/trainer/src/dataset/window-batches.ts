// Batches of fixed-size windows streamed from wherever features live (the feature cache on
// disk), holding only a bounded number of utterances in memory, so corpora larger than RAM train.
import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import { copyWindow, type WindowRef } from "./windows.js";

export interface WindowBatch {
  /** Windows in this batch; the last batch may be smaller than `batchSize`. */
  readonly size: number;
  /** size x windowFrames x dimension, row-major. */
  readonly inputs: Float32Array;
  /** Class index (QUADRANT_CLASSES order) per window. */
  readonly labels: Int32Array;
  /** Index of each window's utterance, for utterance-level aggregation. */
  readonly items: Int32Array;
}

export interface BatchOptions {
  readonly batchSize: number;
  readonly windowFrames: number;
  readonly dimension: number;
  /** Utterances kept decoded between batches (least recently used evicted). */
  readonly cachedUtterances?: number;
}

export async function* streamBatches<T extends { readonly label: QuadrantClass }>(
  items: readonly T[],
  windows: readonly WindowRef[],
  load: (item: T) => Promise<FeatureMatrix>,
  options: BatchOptions,
): AsyncGenerator<WindowBatch> {
  const { batchSize, windowFrames, dimension } = options;
  const cache = new LruFeatures(options.cachedUtterances ?? 256);
  const windowSize = windowFrames * dimension;
  for (let first = 0; first < windows.length; first += batchSize) {
    const size = Math.min(batchSize, windows.length - first);
    const batch: WindowBatch = {
      size,
      inputs: new Float32Array(size * windowSize),
      labels: new Int32Array(size),
      items: new Int32Array(size),
    };
    for (let n = 0; n < size; n++) {
      const window = windows[first + n] as WindowRef;
      const item = items[window.item] as T;
      const matrix = await cache.get(window.item, () => load(item));
      copyWindow(matrix, window.start, windowFrames, batch.inputs, n * windowSize);
      batch.labels[n] = QUADRANT_CLASSES.indexOf(item.label);
      batch.items[n] = window.item;
    }
    yield batch;
  }
}

class LruFeatures {
  readonly #entries = new Map<number, FeatureMatrix>();

  constructor(readonly capacity: number) {}

  async get(key: number, load: () => Promise<FeatureMatrix>): Promise<FeatureMatrix> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const matrix = await load();
    this.#entries.set(key, matrix);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return matrix;
  }
}
