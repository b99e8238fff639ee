// A dropped WAV file turned into the features a model expects, in the browser, with the same code
// the trainer uses: decode, mix down to mono, resample to the feature set's rate, extract. A
// functionals model gets the functionals of its live window every hop, as a live stream does
// (the whole file's when it is shorter than one window).
import type { FeatureSetSpec, ModelCard } from "@emotion-stream/core";
import {
  concatFeatureMatrices,
  createStreamingExtractor,
  decodeWav,
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
  functionalsWindow?: ModelCard["window"]["functionals"],
): Promise<WavFeatures> {
  const audio = decodeWav(bytes, fileName);
  const mono = mixToMono(audio);
  const samples = await resample(mono, audio.sampleRate, spec.sampleRate);
  const extractor = createStreamingExtractor(spec.name, spec.sampleRate, functionalsWindow);
  return {
    features: concatFeatureMatrices(extractor.dimension, [
      extractor.push(samples),
      extractor.end(),
    ]),
    durationSeconds: mono.length / audio.sampleRate,
  };
}
