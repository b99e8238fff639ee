// Utterance-level functionals over a frame-level matrix, as openSMILE's cFunctionals applies them
// (frameMode full: one row for the whole input): for each input column in order, every enabled
// component in order, each giving its enabled outputs; columns are named `<lld>_<output>`.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import { type ExtremesOutput, extremes, type PositionNorm } from "./functional-extremes.js";
import { type LpcOptions, lpc, lpcOutputNames } from "./functional-lpc.js";
import { type MeansOptions, means } from "./functional-means.js";
import { type MomentsOutput, moments } from "./functional-moments.js";
import { type PeaksOptions, peaks } from "./functional-peaks.js";
import {
  type PercentilesOptions,
  percentiles,
  percentilesOutputNames,
} from "./functional-percentiles.js";
import { type RegressionOptions, regression } from "./functional-regression.js";
import { type SegmentsOptions, segments } from "./functional-segments.js";
import { type FunctionalSeries, functionalSeries } from "./functional-series.js";
import { type TimesOptions, times } from "./functional-times.js";

export type FunctionalComponent =
  | {
      readonly kind: "extremes";
      readonly outputs: readonly ExtremesOutput[];
      readonly norm: PositionNorm;
    }
  | ({ readonly kind: "regression" } & RegressionOptions)
  | { readonly kind: "moments"; readonly outputs: readonly MomentsOutput[] }
  | ({ readonly kind: "percentiles" } & PercentilesOptions)
  | ({ readonly kind: "peaks" } & PeaksOptions)
  | ({ readonly kind: "segments" } & SegmentsOptions)
  | ({ readonly kind: "means" } & MeansOptions)
  | ({ readonly kind: "times" } & TimesOptions)
  | ({ readonly kind: "lpc" } & LpcOptions);

export interface FunctionalsSpec {
  /** In openSMILE's `functionalsEnabled` order. */
  readonly components: readonly FunctionalComponent[];
  /**
   * openSMILE's `nonZeroFuncts = 1`: each column's functionals see only its values other than 0
   * (every output is 0 when none is left).
   */
  readonly nonZero?: boolean;
}

/** The output names of one component, in the order it writes them. */
export function componentOutputNames(component: FunctionalComponent): string[] {
  switch (component.kind) {
    case "percentiles":
      return percentilesOutputNames(component);
    case "lpc":
      return lpcOutputNames(component);
    default:
      return [...component.outputs];
  }
}

/** Values per input column. */
export function outputsPerColumn(spec: FunctionalsSpec): number {
  return spec.components.reduce(
    (sum, component) => sum + componentOutputNames(component).length,
    0,
  );
}

/** `<column>_<output>` for every column and output, in the order `applyFunctionals` writes them. */
export function functionalColumns(spec: FunctionalsSpec, columns: readonly string[]): string[] {
  const outputs = spec.components.flatMap(componentOutputNames);
  return columns.flatMap((column) => outputs.map((output) => `${column}_${output}`));
}

/** One row: the functionals of each of the matrix's columns over all its frames. */
export function applyFunctionals(
  matrix: FeatureMatrix,
  spec: FunctionalsSpec,
  frameStepSeconds: number,
): Float32Array {
  const { frames, dimension } = matrix;
  requireFrames(frames);
  const applier = new FunctionalsApplier(spec, frameStepSeconds);
  const out = new Float32Array(dimension * applier.width);
  const column = new Float32Array(frames);
  for (let d = 0; d < dimension; d++) {
    gatherColumns(matrix, d, 1, frames, column);
    applier.apply(column, out, d * applier.width);
  }
  return out;
}

/**
 * BAD_FRAME_DIMENSION unless each of a set's input levels has as many columns as `columns` names
 * for it (`set` names the set in the message).
 */
export function checkInputWidths<Level extends string>(
  set: string,
  columns: Readonly<Record<Level, readonly string[]>>,
  input: Readonly<Record<Level, FeatureMatrix>>,
): void {
  for (const [level, names] of Object.entries<readonly string[]>(columns)) {
    const { dimension } = input[level as Level];
    if (dimension !== names.length) {
      throw new EmotionStreamError("BAD_FRAME_DIMENSION", `${set} ${level} LLDs of another width`, {
        expected: names.length,
        received: dimension,
      });
    }
  }
}

/** EMPTY_AUDIO unless there is a frame. */
export function requireFrames(frames: number): void {
  if (frames === 0) {
    throw new EmotionStreamError(
      "EMPTY_AUDIO",
      "functionals need at least one frame; the audio is shorter than one",
    );
  }
}

/**
 * Columns `first` .. `first + count - 1` of the matrix's first `frames` rows, copied into
 * `target`, column k from k · `stride`, in one pass over the rows.
 */
export function gatherColumns(
  matrix: FeatureMatrix,
  first: number,
  count: number,
  frames: number,
  target: Float32Array,
  stride = frames,
): void {
  const { dimension, data } = matrix;
  for (let t = 0; t < frames; t++) {
    const row = t * dimension + first;
    for (let k = 0; k < count; k++) target[k * stride + t] = data[row + k] as number;
  }
}

/** A spec's functionals applied column by column, with the scratch they share. */
export class FunctionalsApplier {
  /** Values per column. */
  readonly width: number;
  private readonly spec: FunctionalsSpec;
  private readonly frameStepSeconds: number;
  private readonly outputCounts: readonly number[];
  private nonZeroValues = new Float32Array(0);

  constructor(spec: FunctionalsSpec, frameStepSeconds: number) {
    this.spec = spec;
    this.frameStepSeconds = frameStepSeconds;
    this.outputCounts = spec.components.map((component) => componentOutputNames(component).length);
    this.width = outputsPerColumn(spec);
  }

  /** The functionals of one column (all its frames) into `out` from `offset`. */
  apply(column: Float32Array, out: Float32Array, offset: number): void {
    requireFrames(column.length);
    const values = this.spec.nonZero === true ? this.nonZero(column) : column;
    // No values (all were 0): openSMILE's components write nothing and cFunctionals fills 0.
    if (values.length === 0) {
      out.fill(0, offset, offset + this.width);
      return;
    }
    const series = functionalSeries(values);
    let at = offset;
    for (const [i, component] of this.spec.components.entries()) {
      out.set(componentValues(component, series, this.frameStepSeconds), at);
      at += this.outputCounts[i] as number;
    }
  }

  /** The column's values other than 0 (NaN included), in order, in a reused buffer. */
  private nonZero(column: Float32Array): Float32Array {
    if (this.nonZeroValues.length < column.length) {
      this.nonZeroValues = new Float32Array(column.length);
    }
    const kept = this.nonZeroValues;
    let count = 0;
    for (let t = 0; t < column.length; t++) {
      const value = column[t] as number;
      if (value !== 0) kept[count++] = value;
    }
    return kept.subarray(0, count);
  }
}

function componentValues(
  component: FunctionalComponent,
  series: FunctionalSeries,
  frameStepSeconds: number,
): number[] {
  switch (component.kind) {
    case "extremes":
      return extremes(series, component.outputs, component.norm, frameStepSeconds);
    case "regression":
      return regression(series, component, frameStepSeconds);
    case "moments":
      return moments(series, component.outputs);
    case "percentiles":
      return percentiles(series, component);
    case "peaks":
      return peaks(series, component, frameStepSeconds);
    case "segments":
      return segments(series, component, frameStepSeconds);
    case "means":
      return means(series, component, frameStepSeconds);
    case "times":
      return times(series, component, frameStepSeconds);
    case "lpc":
      return lpc(series, component);
  }
}
