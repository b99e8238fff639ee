// openSMILE CSV and ARFF feature files on disk; the format follows the file extension.
import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { formatOpenSmileArff, parseOpenSmileArff } from "../formats/opensmile-arff.js";
import { formatOpenSmileCsv, parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { readFileBytes } from "./read-wav-file.js";

export type FeatureFileFormat = "csv" | "arff";

export function featureFileFormatOf(path: string): FeatureFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".arff") return "arff";
  throw new EmotionStreamError("BAD_FEATURE_FILE", "feature files must end in .csv or .arff", {
    file: path,
    value: extension,
  });
}

export async function readFeatureFile(path: string): Promise<FrameLevelFeatures> {
  const format = featureFileFormatOf(path);
  const text = new TextDecoder().decode(await readFileBytes(path));
  return format === "csv" ? parseOpenSmileCsv(text, path) : parseOpenSmileArff(text, path);
}

export function formatFeatureFile(features: FrameLevelFeatures, format: FeatureFileFormat): string {
  return format === "csv" ? formatOpenSmileCsv(features) : formatOpenSmileArff(features);
}

export async function writeFeatureFile(
  path: string,
  features: FrameLevelFeatures,
  format: FeatureFileFormat = featureFileFormatOf(path),
): Promise<void> {
  await writeFile(path, formatFeatureFile(features, format));
}
