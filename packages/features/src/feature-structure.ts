// A frame-level set's structure read from its own column names: openSMILE names a delta column
// `<static>_de` (an acceleration `_de_de`), so the statics are the columns without that suffix
// and the deltas repeat them in the same order. Masking augmentation masks a coefficient in every
// group at once.
import type { FeatureSetSpec } from "@emotion-stream/core";

const DELTA_SUFFIX = /_de(?:_de)*(?:\[\d+\])?$/;

/** Values per group of statics (13 of mfcc0_12_d_a's 39); the dimension for a set without deltas. */
export function staticDimension(spec: Pick<FeatureSetSpec, "columns" | "dimension">): number {
  const statics = spec.columns.filter((column) => !DELTA_SUFFIX.test(column)).length;
  return statics > 0 && spec.dimension % statics === 0 ? statics : spec.dimension;
}
