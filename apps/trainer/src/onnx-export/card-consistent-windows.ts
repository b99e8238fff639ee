// Random windows shaped and scaled like the inputs a model card says its model receives, for
// verifying an export when no real windows are at hand: normalised features are N(0, 1) per
// dimension after z-normalisation, and unit-length frames after per-frame L2 normalisation.
import { type ModelCard, modelInputDimension } from "@emotion-stream/core";
import { randomWindowBatch } from "./random-windows.js";
import type { WindowBatch } from "./window-batch.js";

export interface CardConsistentWindows {
  readonly windows: WindowBatch;
  /** How the values were drawn, for the user to read. */
  readonly description: string;
}

export function cardConsistentRandomWindows(
  card: ModelCard,
  count: number,
  seed: number,
): CardConsistentWindows {
  const windows = randomWindowBatch(
    count,
    card.window.windowFrames,
    modelInputDimension(card.featureSet.dimension, card.languageInput),
    seed,
  );
  if (card.normalisation.kind === "per-frame-l2") {
    scaleFramesToUnitLength(windows);
    return {
      windows,
      description: "N(0, 1) values with every frame scaled to unit length (per-frame-l2)",
    };
  }
  return {
    windows,
    description: `N(0, 1) per dimension, as features after the card's ${card.normalisation.kind} normalisation`,
  };
}

function scaleFramesToUnitLength({ data, dimension }: WindowBatch): void {
  for (let start = 0; start < data.length; start += dimension) {
    const frame = data.subarray(start, start + dimension);
    const length = Math.hypot(...frame);
    if (length > 0)
      frame.forEach((value, index) => {
        frame[index] = value / length;
      });
  }
}
