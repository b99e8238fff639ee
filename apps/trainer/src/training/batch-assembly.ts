// Copies the windows of one batch into a reused buffer, applying masking when training.
import type { Random } from "../dataset/seeded-random.js";
import type { MaskingAugmentation } from "../models/model-preset.js";
import type { LabelledWindows } from "./labelled-windows.js";
import { maskWindow, type WindowLayout } from "./masking-augmentation.js";
import type { HostBatch } from "./shard-gradients.js";

export interface BatchBuffer {
  readonly values: Float32Array;
  readonly labels: Int32Array;
}

export function createBatchBuffer(windows: LabelledWindows, batchSize: number): BatchBuffer {
  return {
    values: new Float32Array(batchSize * windows.frames * windows.dimension),
    labels: new Int32Array(batchSize),
  };
}

export interface Augmenting {
  readonly masking: MaskingAugmentation;
  readonly layout: WindowLayout;
  readonly random: Random;
}

/** The batch of windows `order[start, end)`, in `buffer` (valid until the next call). */
export function assembleBatch(
  windows: LabelledWindows,
  order: Uint32Array,
  start: number,
  end: number,
  buffer: BatchBuffer,
  augmenting?: Augmenting,
): HostBatch {
  const size = windows.frames * windows.dimension;
  const n = end - start;
  for (let i = 0; i < n; i++) {
    const index = order[start + i] as number;
    windows.copyWindow(index, buffer.values, i * size);
    buffer.labels[i] = windows.labels[index] as number;
    if (augmenting !== undefined) {
      maskWindow(buffer.values, i * size, augmenting.layout, augmenting.masking, augmenting.random);
    }
  }
  return {
    size: n,
    frames: windows.frames,
    dimension: windows.dimension,
    values: buffer.values,
    labels: buffer.labels,
  };
}
