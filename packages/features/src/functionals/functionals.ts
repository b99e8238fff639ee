// Utterance-level functionals over a frame-level matrix, as openSMILE's cFunctionals applies them
// (frameMode full: one row for the whole input): for each input column in order, every enabled
// component in order, each giving its enabled outputs; columns are named `<lld>_<output>`.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import { type ExtremesOutput, extremes, type PositionNorm } from "./functional-extremes.js";
import { type MomentsOutput, moments } from "./functional-moments.js";
import { type RegressionOutput, regression } from "./functional-regression.js";
import { functionalSeries } from "./functional-series.js";

export type FunctionalComponent =
  | {
      readonly kind: "extremes";
      readonly outputs: readonly ExtremesOutput[];
      readonly norm: PositionNorm;
    }
  | { readonly kind: "regression"; readonly outputs: readonly RegressionOutput[] }
  | { readonly kind: "moments"; readonly outputs: readonly MomentsOutput[] };

export interface FunctionalsSpec {
  /** In openSMILE's `functionalsEnabled` order. */
  readonly components: readonly FunctionalComponent[];
}

/** Values per input column. */
export function outputsPerColumn(spec: FunctionalsSpec): number {
  return spec.components.reduce((sum, component) => sum + component.outputs.length, 0);
}

/** `<column>_<output>` for every column and output, in the order `applyFunctionals` writes them. */
export function functionalColumns(spec: FunctionalsSpec, columns: readonly string[]): string[] {
  const outputs = spec.components.flatMap((component) => [...component.outputs]);
  return columns.flatMap((column) => outputs.map((output) => `${column}_${output}`));
}

/** One row: the functionals of each of the matrix's columns over all its frames. */
export function applyFunctionals(
  matrix: FeatureMatrix,
  spec: FunctionalsSpec,
  frameStepSeconds: number,
): Float32Array {
  const { frames, dimension, data } = matrix;
  if (frames === 0) {
    throw new EmotionStreamError(
      "EMPTY_AUDIO",
      "functionals need at least one frame; the audio is shorter than one",
    );
  }
  const out = new Float32Array(dimension * outputsPerColumn(spec));
  const column = new Float32Array(frames);
  let offset = 0;
  for (let d = 0; d < dimension; d++) {
    for (let t = 0; t < frames; t++) column[t] = data[t * dimension + d] as number;
    const series = functionalSeries(column);
    for (const component of spec.components) {
      const values =
        component.kind === "extremes"
          ? extremes(series, component.outputs, component.norm, frameStepSeconds)
          : component.kind === "regression"
            ? regression(series, component.outputs)
            : moments(series, component.outputs);
      out.set(values, offset);
      offset += values.length;
    }
  }
  return out;
}
