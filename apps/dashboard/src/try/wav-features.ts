// A dropped WAV file turned into the features a model expects, in the browser, with the same code
// the trainer uses: decode, mix down to mono, resample to the feature set's rate, extract.
import type { FeatureSetSpec } from "@emotion-stream/core";
import {
  decodeWav,
  extractFeatures,
  type FeatureMatrix,
  mixToMono,
  resample,
} from "@emotion-stream/features";

export interface WavFeatures {
  readonly features: FeatureMatrix;
  readonly durationSeconds: number;
}

export async function wavFeatures(
  bytes: Uint8Array,
  fileName: string,
  spec: FeatureSetSpec,
): Promise<WavFeatures> {
  const audio = decodeWav(bytes, fileName);
  const mono = mixToMono(audio);
  const samples = await resample(mono, audio.sampleRate, spec.sampleRate);
  return {
    features: extractFeatures(spec.name, samples, spec.sampleRate),
    durationSeconds: mono.length / audio.sampleRate,
  };
}
