// RECOLA's continuous gold-standard ratings (one value every 40 ms in [-1, 1]) in the two forms the
// corpus ships: ARFF (`@attribute Instance_name string`, `frameTime`, `GoldStandard`) and CSV
// (`;` or `,` separated; a `GoldStandard` column, or one column per rater whose mean is the gold
// standard, as in RECOLA-Annotation's `time;FM1;FM2;FM3;FF1;FF2;FF3`).
import { EmotionStreamError } from "@emotion-stream/core";

export interface RatingTrack {
  /** Seconds from the start of the recording, ascending. */
  readonly times: Float64Array;
  readonly values: Float64Array;
}

const TIME_COLUMNS = new Set(["frametime", "time", "timestamp"]);
const GOLD_STANDARD = "goldstandard";

/** Parses a rating file by its extension (`.arff` or `.csv`). */
export function parseRatingTrack(text: string, file: string): RatingTrack {
  return file.toLowerCase().endsWith(".arff")
    ? parseArffRatings(text, file)
    : parseCsvRatings(text, file);
}

function parseArffRatings(text: string, file: string): RatingTrack {
  const lines = text.split(/\r?\n/);
  const attributes: string[] = [];
  let dataStart = -1;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const attribute = /^@attribute\s+('[^']*'|\S+)/i.exec(line);
    if (attribute !== null) attributes.push(unquote(attribute[1] ?? ""));
    if (/^@data\b/i.test(line)) {
      dataStart = index + 1;
      break;
    }
  }
  if (dataStart < 0) {
    throw new EmotionStreamError("BAD_ANNOTATION", "rating file has no @data section", { file });
  }
  const rows = lines
    .slice(dataStart)
    .map((line, offset) => ({ line: dataStart + offset + 1, text: line.trim() }))
    .filter((row) => row.text !== "" && !row.text.startsWith("%"));
  return buildTrack(attributes, rows, ",", file);
}

function parseCsvRatings(text: string, file: string): RatingTrack {
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? "";
  const separator = header.includes(";") ? ";" : ",";
  const columns = header.split(separator).map((name) => unquote(name.trim()));
  const rows = lines
    .slice(1)
    .map((line, offset) => ({ line: offset + 2, text: line.trim() }))
    .filter((row) => row.text !== "");
  return buildTrack(columns, rows, separator, file);
}

function buildTrack(
  columns: readonly string[],
  rows: readonly { line: number; text: string }[],
  separator: string,
  file: string,
): RatingTrack {
  const lower = columns.map((name) => name.toLowerCase());
  const timeColumn = lower.findIndex((name) => TIME_COLUMNS.has(name));
  if (timeColumn < 0) {
    throw new EmotionStreamError("BAD_ANNOTATION", "rating file has no time column", {
      file,
      field: "frameTime",
      allowed: [...TIME_COLUMNS],
    });
  }
  const gold = lower.indexOf(GOLD_STANDARD);
  const times = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    const cells = row.text.split(separator).map((cell) => cell.trim());
    const raters =
      gold >= 0 ? [cells[gold]] : cells.filter((_, i) => isRaterColumn(i, timeColumn, lower));
    const ratings = raters.map(Number);
    const time = Number(cells[timeColumn]);
    if (!Number.isFinite(time) || ratings.length === 0 || !ratings.every(Number.isFinite)) {
      throw new EmotionStreamError("BAD_ANNOTATION", `unreadable rating row: ${row.text}`, {
        file,
        line: row.line,
      });
    }
    times[index] = time;
    values[index] = ratings.reduce((sum, value) => sum + value, 0) / ratings.length;
  });
  return { times, values };
}

// Every column other than the time and an instance name holds one rater's trace.
function isRaterColumn(index: number, timeColumn: number, lower: readonly string[]): boolean {
  return index !== timeColumn && lower[index] !== "instance_name" && lower[index] !== "name";
}

function unquote(name: string): string {
  return name.replace(/^['"]|['"]$/g, "");
}

/** Mean rating over `[start, end)` seconds; undefined when no rating falls in it. */
export function meanRating(track: RatingTrack, startSeconds: number, endSeconds: number) {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < track.times.length; i++) {
    const time = track.times[i] ?? Number.NaN;
    if (time >= startSeconds && time < endSeconds) {
      sum += track.values[i] ?? 0;
      count++;
    }
  }
  return count === 0 ? undefined : sum / count;
}
