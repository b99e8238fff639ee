// One loaded version of one model, as the server uses it: the (validated) card checked against the
// ONNX graph's shapes once, its normalisation turned into typed arrays, and the map from output
// columns to canonical classes.
import type { ModelFile } from "@emotion-stream/artifacts";
import {
  EmotionStreamError,
  type FeatureSetSpec,
  type LanguageInput,
  languageColumnsLookup,
  type ModelCard,
  modelInputDimension,
  QUADRANT_CLASSES,
} from "@emotion-stream/core";
import type { ModelShapes } from "../inference/inference-pool.js";
import type { BatchModel } from "../inference/window-batcher.js";
import type { WindowGeometry } from "../streams/frame-window.js";
import {
  type WindowNormalisation,
  windowNormalisationOf,
} from "../streams/window-normalisation.js";
import { extractorSpecDifference } from "./feature-spec-match.js";
import { type RowTiming, rowTimingOf } from "./row-timing.js";

export interface ServedModel extends BatchModel {
  readonly id: string;
  /** Counts the loads of this id since the server started: 1, 2, ... */
  readonly version: number;
  readonly path: string;
  /** sha256 of the model bytes and card: an unchanged file is not reloaded. */
  readonly digest: string;
  readonly card: ModelCard;
  readonly cardSource: ModelFile["cardSource"];
  readonly seal: ModelFile["seal"];
  readonly featureSet: FeatureSetSpec;
  readonly geometry: WindowGeometry;
  /** What a feature row stands for in stream time (a frame, or a functionals window). */
  readonly rows: RowTiming;
  readonly normalisation: WindowNormalisation;
  /** For each canonical class, the model output column that holds its probability. */
  readonly outputColumns: readonly number[];
  /**
   * The values that follow each frame for a stream declaring `language`: a language-aware model's
   * language columns (the average of its languages for no or an unlisted one), empty for any other
   * model.
   */
  languageColumnsOf(language: string | undefined): Float32Array;
  /** Why PCM streams are refused: this build's extractor disagrees with the card; undefined if not. */
  readonly pcmRefusal: string | undefined;
  readonly loadedAt: Date;
}

export interface ServedModelParts {
  readonly id: string;
  readonly version: number;
  readonly key: string;
  readonly digest: string;
  readonly file: ModelFile;
  readonly shapes: ModelShapes;
}

/** Parses the card and refuses (BAD_MODEL) a graph whose shapes disagree with it. */
export function servedModelFromCard({
  id,
  version,
  key,
  digest,
  file,
  shapes,
}: ServedModelParts): ServedModel {
  const { card } = file;
  const { windowFrames, hopFrames } = card.window;
  const { dimension } = card.featureSet;
  const inputDimension = modelInputDimension(dimension, card.languageInput);
  // The exporter leaves the frames axis (1) symbolic when the network pools over time.
  const windowShape = shapes.inputShape
    .slice(1)
    .map((size, axis) => (axis === 0 && size < 0 ? windowFrames : size));
  const valuesPerWindow = windowShape.reduce((a, b) => a * b, 1);
  if (windowShape.some((size) => size <= 0) || valuesPerWindow !== windowFrames * inputDimension) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `input shape [${shapes.inputShape}] does not hold one window of ${windowFrames} frames x ${inputDimension} values`,
      {
        file: file.path,
        field: "window",
        expected: windowFrames * inputDimension,
        received: valuesPerWindow,
      },
    );
  }
  const outputsPerWindow = shapes.outputShape.at(-1) ?? 0;
  if (outputsPerWindow !== card.classes.length) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `output shape [${shapes.outputShape}] does not give one probability per class (${card.classes.length})`,
      {
        file: file.path,
        field: "classes",
        expected: card.classes.length,
        received: outputsPerWindow,
      },
    );
  }
  const rows = rowTimingOf(card);
  return {
    id,
    version,
    key,
    digest,
    path: file.path,
    card,
    cardSource: file.cardSource,
    seal: file.seal,
    featureSet: card.featureSet,
    geometry: { windowFrames, hopFrames, dimension },
    rows,
    normalisation: windowNormalisationOf(card.normalisation, dimension, rows.stepSeconds),
    outputColumns: QUADRANT_CLASSES.map((name) => card.classes.indexOf(name)),
    languageColumnsOf: languageColumnsOf(card.languageInput),
    pcmRefusal: extractorSpecDifference(card.featureSet),
    windowShape,
    valuesPerWindow,
    outputsPerWindow,
    loadedAt: new Date(),
  };
}

/** Core's lookup (a window's copy allocates nothing); nothing follows a frame otherwise. */
function languageColumnsOf(
  input: LanguageInput | undefined,
): (language: string | undefined) => Float32Array {
  if (input !== undefined) return languageColumnsLookup(input);
  const none = new Float32Array(0);
  return () => none;
}

/** Whether streams opened on `current` can move to `next` without reopening. */
export function isCompatible(current: ServedModel, next: ServedModel): boolean {
  return (
    current.geometry.windowFrames === next.geometry.windowFrames &&
    current.geometry.hopFrames === next.geometry.hopFrames &&
    current.geometry.dimension === next.geometry.dimension &&
    JSON.stringify(current.featureSet) === JSON.stringify(next.featureSet)
  );
}
