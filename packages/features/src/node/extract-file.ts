// One WAV file to openSMILE-style frame-level features: instance name = file name without
// extension (openSMILE's -N), frame time = frame start (n x frame step).
import { basename, extname } from "node:path";
import type { FeatureSetSpec } from "@emotion-stream/core";
import { extractFeatures, resolveFeatureSet } from "../extract-features.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { readAudioForFeatureSet } from "./read-audio-for-feature-set.js";

export function instanceNameOf(path: string): string {
  return basename(path, extname(path));
}

export function toFrameLevelFeatures(
  matrix: FeatureMatrix,
  spec: FeatureSetSpec,
  instanceName: string,
): FrameLevelFeatures {
  return {
    columns: spec.columns,
    names: new Array<string>(matrix.frames).fill(instanceName),
    frameTimes: Float64Array.from({ length: matrix.frames }, (_, n) => n * spec.frameStepSeconds),
    features: matrix,
  };
}

export async function extractFile(
  path: string,
  set: string | FeatureSet,
): Promise<FrameLevelFeatures> {
  const featureSet = resolveFeatureSet(set);
  const audio = await readAudioForFeatureSet(path, featureSet);
  const matrix = extractFeatures(featureSet, audio.samples, audio.sampleRate);
  return toFrameLevelFeatures(matrix, featureSet.specFor(audio.sampleRate), instanceNameOf(path));
}

/** Several files' features in one table, in order (openSMILE appends instances the same way). */
export function concatFrameLevelFeatures(parts: readonly FrameLevelFeatures[]): FrameLevelFeatures {
  const [first] = parts;
  const dimension = first?.features.dimension ?? 0;
  const frames = parts.reduce((sum, part) => sum + part.features.frames, 0);
  const data = new Float32Array(frames * dimension);
  const frameTimes = new Float64Array(frames);
  let frame = 0;
  for (const part of parts) {
    data.set(part.features.data, frame * dimension);
    frameTimes.set(part.frameTimes ?? new Float64Array(part.features.frames), frame);
    frame += part.features.frames;
  }
  return {
    columns: first?.columns ?? [],
    names: parts.flatMap((part) => part.names),
    frameTimes,
    features: { frames, dimension, data },
  };
}
