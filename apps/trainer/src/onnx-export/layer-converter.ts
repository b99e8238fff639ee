// The contract between the model walker and the per-layer converters, and the refusals they share.
import { EmotionStreamError } from "@emotion-stream/core";
import type { z } from "zod";
import type { OnnxGraphBuilder } from "./onnx-graph-builder.js";

/** A Keras shape, batch first; null where the size is only known at run time. */
export type KerasShape = readonly (number | null)[];

/** A Keras tensor as it exists in the ONNX graph: same (channels-last) layout and shape. */
export interface ConvertedTensor {
  readonly name: string;
  readonly shape: KerasShape;
}

export interface LayerWeight {
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

/** Everything a converter needs to turn one application of one Keras layer into ONNX nodes. */
export interface LayerConversion {
  readonly layerName: string;
  readonly className: string;
  /** The layer's `getConfig()`, as tfjs normalises it (camelCase keys, arrays for sizes). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly inputs: readonly ConvertedTensor[];
  readonly graph: OnnxGraphBuilder;
  /** The layer's weight by its short name (`kernel`, `bias`, `gamma`, ...), or undefined. */
  weight(shortName: string): LayerWeight | undefined;
}

export interface LayerConverter {
  /** The Keras class names (`getClassName()`) this converter handles. */
  readonly classNames: readonly string[];
  /** Adds the layer's nodes and returns the name of its output value. */
  convert(conversion: LayerConversion): string;
}

/** Throws UNSUPPORTED_LAYER_OPTION naming the layer, the option and why it cannot be exact. */
export function refuseLayerOption(
  conversion: LayerConversion,
  option: string,
  reason: string,
): never {
  const value = conversion.config[option];
  throw new EmotionStreamError(
    "UNSUPPORTED_LAYER_OPTION",
    `${conversion.className} layer ${conversion.layerName}: option ${option}` +
      ` = ${JSON.stringify(value)} cannot be converted to ONNX exactly (${reason})`,
    {
      field: `${conversion.layerName}.${option}`,
      ...(isPrintable(value) ? { value } : {}),
    },
  );
}

/**
 * Parses the options a converter relies on. The schema lists the values it converts exactly (e.g.
 * `padding: z.enum(["valid", "same"])`), so any other value is refused with the option's name.
 */
export function parseLayerConfig<Schema extends z.ZodType>(
  conversion: LayerConversion,
  schema: Schema,
): z.output<Schema> {
  const result = schema.safeParse(conversion.config);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const option = issue?.path[0];
  return refuseLayerOption(
    conversion,
    option === undefined ? "config" : String(option),
    issue?.message ?? "unexpected value",
  );
}

/** The one input of a single-input layer. */
export function singleInput(conversion: LayerConversion): ConvertedTensor {
  const [input, ...rest] = conversion.inputs;
  if (input === undefined || rest.length > 0) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `${conversion.className} layer ${conversion.layerName} expects one input, got ${conversion.inputs.length}`,
      { field: conversion.layerName },
    );
  }
  return input;
}

/** A weight the layer's options say must exist; its absence means a broken model. */
export function requireWeight(conversion: LayerConversion, shortName: string): LayerWeight {
  const weight = conversion.weight(shortName);
  if (weight === undefined) {
    throw new EmotionStreamError(
      "BAD_MODEL",
      `${conversion.className} layer ${conversion.layerName} has no weight ${shortName}`,
      { field: `${conversion.layerName}.${shortName}` },
    );
  }
  return weight;
}

/** The required weight as a float constant of the graph, named `<layer>_<shortName>`, as it is stored. */
export function weightConstant(conversion: LayerConversion, shortName: string): string {
  const weight = requireWeight(conversion, shortName);
  return conversion.graph.addFloatConstant(
    `${conversion.layerName}_${shortName}`,
    weight.values,
    weight.shape,
  );
}

function isPrintable(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
