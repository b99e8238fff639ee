// One WAV file to openSMILE-style frame-level features: instance name = file name without
// extension (openSMILE's -N), frame time = frame start (n x frame step). Rows past the last whole
// frame (IS09's smoother row) carry the last frame's time again, as openSMILE's CSV shows them.
import { basename, extname } from "node:path";
import type { FeatureSetSpec } from "@emotion-stream/core";
import {
  createStreamingExtractor,
  extractFeatures,
  resolveFeatureSet,
} from "../extract-features.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { frameGeometry, wholeFrameCount } from "../framing.js";
import { readAudioForFeatureSet } from "./read-audio-for-feature-set.js";
import { openWavFileBlocks } from "./wav-file-blocks.js";

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

/** Receives a file's rows in order, a chunk at a time; the next chunk waits for its promise. */
export type FrameRowsSink = (rows: FrameLevelFeatures) => void | Promise<void>;

/**
 * `extractFile`, written to `sink` as the rows are computed instead of returned: the file is read
 * block by block, so memory stays that of one block whatever the file's length. A set that needs
 * another rate than the file's is read whole (resampling takes the whole signal).
 */
export async function streamFileFeatures(
  path: string,
  set: string | FeatureSet,
  sink: FrameRowsSink,
  blockFrames?: number,
): Promise<void> {
  const featureSet = resolveFeatureSet(set);
  const wav = await openWavFileBlocks(path, blockFrames);
  const { sampleRate } = wav;
  if (featureSet.fixedSampleRate !== undefined && featureSet.fixedSampleRate !== sampleRate) {
    await wav.close();
    await sink(await extractFile(path, featureSet));
    return;
  }
  const extractor = createStreamingExtractor(featureSet, sampleRate);
  const spec = featureSet.specFor(sampleRate);
  const geometry = frameGeometry(sampleRate, spec.frameSizeSeconds, spec.frameStepSeconds);
  const name = instanceNameOf(path);
  let samples = 0;
  let rows = 0;
  const emit = async (matrix: FeatureMatrix, lastFrame: number) => {
    if (matrix.frames === 0) return;
    const first = rows;
    rows += matrix.frames;
    await sink({
      columns: spec.columns,
      names: new Array<string>(matrix.frames).fill(name),
      frameTimes: Float64Array.from(
        { length: matrix.frames },
        (_, n) => Math.min(first + n, lastFrame) * spec.frameStepSeconds,
      ),
      features: matrix,
    });
  };
  for await (const block of wav.blocks) {
    samples += block.length;
    // Rows that leave before the end are whole frames: their times need no clamping.
    await emit(extractor.push(block), Number.POSITIVE_INFINITY);
  }
  const wholeFrames = wholeFrameCount(samples, geometry);
  await emit(extractor.end(), Math.max(wholeFrames - 1, 0));
}
