// Audio ready for a feature set: decoded, mixed down to mono as openSMILE does, and resampled
// when the set (or the caller) needs a fixed rate; otherwise kept at the file's own rate.
import { mixToMono } from "../audio/mix-to-mono.js";
import { type ResampleQuality, resample } from "../audio/resample.js";
import { resolveFeatureSet } from "../extract-features.js";
import type { FeatureSet } from "../feature-set.js";
import { readWavFile } from "./read-wav-file.js";

export interface AudioForFeatureSet {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** The file's own rate, before any resampling. */
  readonly fileSampleRate: number;
}

export interface ReadAudioOptions {
  /** Resample to this rate (default: the set's fixed rate, else the file's rate). */
  readonly sampleRate?: number;
  readonly quality?: ResampleQuality;
}

export async function readAudioForFeatureSet(
  path: string,
  set: string | FeatureSet,
  options: ReadAudioOptions = {},
): Promise<AudioForFeatureSet> {
  const featureSet = resolveFeatureSet(set);
  const audio = await readWavFile(path);
  const mono = mixToMono(audio);
  const sampleRate = options.sampleRate ?? featureSet.fixedSampleRate ?? audio.sampleRate;
  const samples = await resample(mono, audio.sampleRate, sampleRate, options.quality);
  return { samples, sampleRate, fileSampleRate: audio.sampleRate };
}
