// One WAV file to openSMILE-style frame-level features: instance name = file name without
// extension (openSMILE's -N), frame time = frame start (n x frame step). Rows past the last whole
// frame (IS09's smoother row) carry the last frame's time again, as openSMILE's CSV shows them.
import { basename, extname } from "node:path";
import type { FeatureSetSpec } from "@emotion-stream/core";
import { extractFeatures, resolveFeatureSet } from "../extract-features.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { frameGeometry, wholeFrameCount } from "../framing.js";
import { extractFunctionals } from "../functionals/extract-functionals.js";
import type { FunctionalSet } from "../functionals/functional-sets.js";
import { functionalColumns } from "../functionals/functionals.js";
import { readAudioForFeatureSet } from "./read-audio-for-feature-set.js";

export function instanceNameOf(path: string): string {
  return basename(path, extname(path));
}

/** `wholeFrames`: frames of audio behind the rows (default: every row is one). */
export function toFrameLevelFeatures(
  matrix: FeatureMatrix,
  spec: FeatureSetSpec,
  instanceName: string,
  wholeFrames = matrix.frames,
): FrameLevelFeatures {
  const lastFrame = Math.max(wholeFrames - 1, 0);
  return {
    columns: spec.columns,
    names: new Array<string>(matrix.frames).fill(instanceName),
    frameTimes: Float64Array.from(
      { length: matrix.frames },
      (_, n) => Math.min(n, lastFrame) * spec.frameStepSeconds,
    ),
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
  const spec = featureSet.specFor(audio.sampleRate);
  const geometry = frameGeometry(audio.sampleRate, spec.frameSizeSeconds, spec.frameStepSeconds);
  const wholeFrames = wholeFrameCount(audio.samples.length, geometry);
  return toFrameLevelFeatures(matrix, spec, instanceNameOf(path), wholeFrames);
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

/** One WAV file to one row of utterance-level functionals (openSMILE's `-csvoutput`: frameTime 0). */
export async function extractFunctionalsFile(
  path: string,
  set: FunctionalSet,
): Promise<FrameLevelFeatures> {
  const audio = await readAudioForFeatureSet(path, set.lld);
  const values = extractFunctionals(set, audio.samples, audio.sampleRate);
  return {
    columns: functionalColumns(set.functionals, set.lld.specFor(audio.sampleRate).columns),
    names: [instanceNameOf(path)],
    frameTimes: Float64Array.of(0),
    features: { frames: 1, dimension: values.length, data: values },
  };
}
