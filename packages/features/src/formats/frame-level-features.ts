// The content of an openSMILE frame-level output file (CSV or ARFF), independent of its syntax.
import type { FeatureMatrix } from "../feature-matrix.js";

export interface FrameLevelFeatures {
  /** Feature column names, in order (without name, frameTime or class). */
  readonly columns: readonly string[];
  /** Instance name of each frame (openSMILE's `-N` / `-instname`). */
  readonly names: readonly string[];
  /** Frame start time in seconds of each frame, when the file has a frameTime column. */
  readonly frameTimes?: Float64Array;
  /** Class label of each frame, when the file has a class column (ARFF). */
  readonly classes?: readonly string[];
  readonly features: FeatureMatrix;
}

/** Parses a numeric cell as C's strtod would (also nan/inf); undefined when it is not a number. */
export function parseNumberCell(cell: string): number | undefined {
  const text = cell.trim().toLowerCase();
  if (text === "nan" || text === "-nan") return Number.NaN;
  if (text === "inf" || text === "+inf") return Number.POSITIVE_INFINITY;
  if (text === "-inf") return Number.NEGATIVE_INFINITY;
  if (text === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Removes one level of single or double quotes around an instance name. */
export function unquote(cell: string): string {
  const text = cell.trim();
  const first = text[0];
  if (text.length >= 2 && (first === "'" || first === '"') && text.endsWith(first)) {
    return text.slice(1, -1);
  }
  return text;
}
