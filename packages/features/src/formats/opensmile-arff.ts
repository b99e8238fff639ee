// openSMILE's cArffSink layout for frame-level data: `@relation`, a string attribute `name`,
// optional numeric `frameIndex`/`frameTime`, numeric features, a `class` attribute, then `@data`
// rows separated by commas.
import { EmotionStreamError } from "@emotion-stream/core";
import { type FrameLevelFeatures, parseNumberCell, unquote } from "./frame-level-features.js";
import { PrintfTextWriter } from "./printf-text-writer.js";

interface Attribute {
  readonly name: string;
  readonly type: string;
}

const DEFAULT_RELATION = "SMILEfeatures";
const DEFAULT_CLASS = "unassigned";
const COMMA = ",".charCodeAt(0);

export function parseOpenSmileArff(text: string, source = "<arff>"): FrameLevelFeatures {
  const lines = text.split(/\r?\n/);
  const attributes: Attribute[] = [];
  let dataLine = -1;
  for (let index = 0; index < lines.length && dataLine < 0; index += 1) {
    const line = (lines[index] ?? "").trim();
    const lower = line.toLowerCase();
    if (lower.startsWith("@attribute")) attributes.push(parseAttribute(line, source, index + 1));
    else if (lower === "@data") dataLine = index + 1;
  }
  if (dataLine < 0 || attributes[0]?.name !== "name") {
    throw new EmotionStreamError(
      "BAD_FEATURE_FILE",
      "ARFF file needs a `name` attribute first and a @data section",
      { file: source },
    );
  }
  const layout = arffLayout(attributes);
  const names: string[] = [];
  const classes: string[] = [];
  const times: number[] = [];
  const values: number[] = [];
  for (let index = dataLine; index < lines.length; index += 1) {
    const line = (lines[index] ?? "").trim();
    if (line === "" || line.startsWith("%")) continue;
    const cells = line.split(",");
    if (cells.length !== attributes.length) {
      throw new EmotionStreamError("BAD_FEATURE_FILE", "row has the wrong number of values", {
        file: source,
        line: index + 1,
        expected: attributes.length,
        received: cells.length,
      });
    }
    names.push(unquote(cells[0] ?? ""));
    if (layout.classIndex !== undefined) classes.push(unquote(cells[layout.classIndex] ?? ""));
    if (layout.timeIndex !== undefined) {
      times.push(numberCell(cells, layout.timeIndex, attributes, source, index + 1));
    }
    for (const column of layout.featureIndices) {
      values.push(numberCell(cells, column, attributes, source, index + 1));
    }
  }
  const columns = layout.featureIndices.map((column) => attributes[column]?.name ?? "");
  return {
    columns,
    names,
    ...(layout.timeIndex === undefined ? {} : { frameTimes: Float64Array.from(times) }),
    ...(layout.classIndex === undefined ? {} : { classes }),
    features: { frames: names.length, dimension: columns.length, data: Float32Array.from(values) },
  };
}

export function formatOpenSmileArff(
  features: FrameLevelFeatures,
  relation = DEFAULT_RELATION,
): string {
  const { columns, names, frameTimes, classes } = features;
  const { frames, dimension, data } = features.features;
  const classValues = [...new Set(classes ?? [DEFAULT_CLASS])];
  const lines = [`@relation ${relation}`, "", "@attribute name string"];
  if (frameTimes !== undefined) lines.push("@attribute frameTime numeric");
  for (const column of columns) lines.push(`@attribute ${column} numeric`);
  lines.push(
    classes === undefined
      ? "@attribute class unknown"
      : `@attribute class {${classValues.join(",")}}`,
    "",
    "@data",
    "",
  );
  const writer = new PrintfTextWriter();
  writer.text(lines.join("\n"));
  for (let frame = 0; frame < frames; frame += 1) {
    writer.text(`\n${names[frame] ?? ""},`);
    if (frameTimes !== undefined) {
      writer.fixed(frameTimes[frame] ?? 0);
      writer.character(COMMA);
    }
    for (let c = 0; c < dimension; c += 1) {
      writer.scientific(data[frame * dimension + c] ?? 0);
      writer.character(COMMA);
    }
    writer.text(classes?.[frame] ?? DEFAULT_CLASS);
  }
  writer.text("\n");
  return writer.toString();
}

function parseAttribute(line: string, source: string, lineNumber: number): Attribute {
  const match = /^@attribute\s+('[^']*'|"[^"]*"|\S+)\s+(.+)$/i.exec(line);
  if (match === null) {
    throw new EmotionStreamError("BAD_FEATURE_FILE", "malformed @attribute line", {
      file: source,
      line: lineNumber,
    });
  }
  return { name: unquote(match[1] ?? ""), type: (match[2] ?? "").trim() };
}

/** Which attributes are the frame time, the class and the features. */
function arffLayout(attributes: readonly Attribute[]): {
  timeIndex?: number;
  classIndex?: number;
  featureIndices: number[];
} {
  const lastIndex = attributes.length - 1;
  const classIndex = attributes[lastIndex]?.name === "class" ? lastIndex : undefined;
  const timeIndex = attributes.findIndex((attribute) => attribute.name === "frameTime");
  const featureIndices: number[] = [];
  for (let index = 1; index < attributes.length; index += 1) {
    const name = attributes[index]?.name;
    if (index === classIndex || name === "frameTime" || name === "frameIndex") continue;
    featureIndices.push(index);
  }
  return {
    ...(timeIndex < 0 ? {} : { timeIndex }),
    ...(classIndex === undefined ? {} : { classIndex }),
    featureIndices,
  };
}

function numberCell(
  cells: readonly string[],
  index: number,
  attributes: readonly Attribute[],
  source: string,
  line: number,
): number {
  const value = parseNumberCell(cells[index] ?? "");
  if (value === undefined) {
    throw new EmotionStreamError("BAD_FEATURE_FILE", "value is not a number", {
      file: source,
      line,
      field: attributes[index]?.name,
      value: cells[index] ?? "",
    });
  }
  return value;
}
