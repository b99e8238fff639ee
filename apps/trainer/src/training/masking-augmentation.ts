// SpecAugment-style masking (Park et al., 2019) on normalised feature windows: random runs of
// frames and random bands of coefficients are set to 0, the feature mean. With deltas the band
// is masked in every group of `baseDimension` columns, so a masked coefficient is gone entirely.
import type { Random } from "@emotion-stream/core";
import type { MaskingAugmentation } from "../models/model-preset.js";

export interface WindowLayout {
  readonly frames: number;
  readonly dimension: number;
  /** Coefficients per delta group (13 for MFCC 0-12); equals `dimension` without deltas. */
  readonly baseDimension: number;
}

/** Masks one window in place at `offset` of `batch`. */
export function maskWindow(
  batch: Float32Array,
  offset: number,
  layout: WindowLayout,
  masking: MaskingAugmentation,
  random: Random,
): void {
  for (let m = 0; m < masking.timeMasks; m++) {
    const width = random.integer(0, masking.maxTimeMaskFrames);
    const start = random.integer(0, Math.max(0, layout.frames - width));
    batch.fill(0, offset + start * layout.dimension, offset + (start + width) * layout.dimension);
  }
  for (let m = 0; m < masking.frequencyMasks; m++) {
    const width = random.integer(0, masking.maxFrequencyMaskBins);
    const start = random.integer(0, Math.max(0, layout.baseDimension - width));
    for (let frame = 0; frame < layout.frames; frame++) {
      const row = offset + frame * layout.dimension;
      // Whole groups only: a language-aware model's language columns follow the last one.
      for (
        let group = 0;
        group + layout.baseDimension <= layout.dimension;
        group += layout.baseDimension
      ) {
        batch.fill(0, row + group + start, row + group + start + width);
      }
    }
  }
}
