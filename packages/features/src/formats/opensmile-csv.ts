// openSMILE's cCsvSink layout: `;`-separated, a header `name;frameTime;<features>`, instance names
// in single quotes, values in C `%e` except whole numbers in `%.0f` (cCsvSink prints "0", not
// "0.000000e+00"), frame times in `%f`.
import { EmotionStreamError } from "@emotion-stream/core";
import { type FrameLevelFeatures, parseNumberCell, unquote } from "./frame-level-features.js";
import { PrintfTextWriter } from "./printf-text-writer.js";

const SEPARATOR = ";";
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);
const LINE_END = 10;

export function parseOpenSmileCsv(text: string, source = "<csv>"): FrameLevelFeatures {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0]?.split(SEPARATOR).map((cell) => cell.trim());
  if (header === undefined || header[0] !== "name") {
    throw new EmotionStreamError("BAD_FEATURE_FILE", "CSV header must start with `name`", {
      file: source,
      line: 1,
    });
  }
  const hasTime = header[1] === "frameTime";
  const columns = header.slice(hasTime ? 2 : 1);
  const firstFeature = hasTime ? 2 : 1;
  const frames = lines.length - 1;
  const data = new Float32Array(frames * columns.length);
  const frameTimes = hasTime ? new Float64Array(frames) : undefined;
  const names: string[] = [];
  for (let frame = 0; frame < frames; frame += 1) {
    const line = frame + 2;
    const cells = (lines[frame + 1] ?? "").split(SEPARATOR);
    if (cells.length !== header.length) {
      throw new EmotionStreamError("BAD_FEATURE_FILE", "row has the wrong number of cells", {
        file: source,
        line,
        expected: header.length,
        received: cells.length,
      });
    }
    names.push(unquote(cells[0] ?? ""));
    if (frameTimes !== undefined) frameTimes[frame] = numberCell(cells, 1, header, source, line);
    for (let c = 0; c < columns.length; c += 1) {
      data[frame * columns.length + c] = numberCell(cells, firstFeature + c, header, source, line);
    }
  }
  return {
    columns,
    names,
    ...(frameTimes === undefined ? {} : { frameTimes }),
    features: { frames, dimension: columns.length, data },
  };
}

export function formatOpenSmileCsv(features: FrameLevelFeatures): string {
  const { columns, names, frameTimes } = features;
  const { frames, dimension, data } = features.features;
  const header = ["name", ...(frameTimes === undefined ? [] : ["frameTime"]), ...columns];
  const writer = new PrintfTextWriter();
  writer.text(`${header.join(SEPARATOR)}\n`);
  for (let frame = 0; frame < frames; frame += 1) {
    writer.text(`'${names[frame] ?? ""}'`);
    if (frameTimes !== undefined) {
      writer.character(SEPARATOR_CODE);
      writer.fixed(frameTimes[frame] ?? 0);
    }
    for (let c = 0; c < dimension; c += 1) {
      writer.character(SEPARATOR_CODE);
      const value = data[frame * dimension + c] ?? 0;
      // cCsvSink prints values equal to their floor with %.0f (inf too), the rest with %e.
      if (value === Math.floor(value)) writer.wholeNumber(value);
      else writer.scientific(value);
    }
    writer.character(LINE_END);
  }
  return writer.toString();
}

function numberCell(
  cells: readonly string[],
  index: number,
  header: readonly string[],
  source: string,
  line: number,
): number {
  const value = parseNumberCell(cells[index] ?? "");
  if (value === undefined) {
    throw new EmotionStreamError("BAD_FEATURE_FILE", "cell is not a number", {
      file: source,
      line,
      field: header[index],
      value: cells[index] ?? "",
    });
  }
  return value;
}
