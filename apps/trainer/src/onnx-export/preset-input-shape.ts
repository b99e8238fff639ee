// The input a model preset is built for: its window length and its feature set's dimension.

import { QUADRANT_CLASSES } from "@emotion-stream/core";
import { resolveFeatureSet } from "@emotion-stream/features";
import {
  type ModelInputShape,
  type ModelPreset,
  nominalWindowFrames,
} from "../models/model-preset.js";

export function presetInputShape(
  preset: ModelPreset,
  frames = nominalWindowFrames(preset),
): ModelInputShape {
  return {
    frames,
    dimension: resolveFeatureSet(preset.featureSet).spec.dimension,
    classes: QUADRANT_CLASSES.length,
  };
}
