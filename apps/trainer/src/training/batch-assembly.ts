// Reads the windows of one batch into a reused buffer, applying masking when training.
import type { Random } from "@emotion-stream/core";
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

/**
 * The batch of windows `order[start, end)`, in `buffer` (valid until the buffer is reused). Masks
 * are drawn after the read, window by window, so batches assembled one after another draw them in
 * the same sequence however the reads interleave.
 */
export async function assembleBatch(
  windows: LabelledWindows,
  order: Uint32Array,
  start: number,
  end: number,
  buffer: BatchBuffer,
  augmenting?: Augmenting,
): Promise<HostBatch> {
  const size = windows.frames * windows.dimension;
  const n = end - start;
  const indices = order.subarray(start, end);
  await windows.readWindows(indices, buffer.values);
  for (let i = 0; i < n; i++) {
    buffer.labels[i] = windows.labels[indices[i] as number] as number;
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
