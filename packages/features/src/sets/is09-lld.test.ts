import { featureSetSpecSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { createStreamingExtractor, extractFeatures } from "../extract-features.js";
import { concatFeatureMatrices, type FeatureMatrix } from "../feature-matrix.js";
import { frameGeometry, wholeFrameCount } from "../framing.js";
import { getFeatureSet } from "./registry.js";

const F0_COLUMN = 15;
const VOICE_PROB_COLUMN = 14;

/** A vowel-like 150 Hz pulse train (harmonics falling 6 dB/octave) with 0.2 s of silence around. */
function voicedSignal(sampleRate: number): Float32Array {
  const samples = new Float32Array(sampleRate);
  for (let t = Math.round(0.2 * sampleRate); t < 0.8 * sampleRate; t++) {
    let value = 0;
    for (let harmonic = 1; harmonic * 150 < sampleRate / 2; harmonic++) {
      value += Math.sin((2 * Math.PI * 150 * harmonic * t) / sampleRate) / harmonic;
    }
    samples[t] = 0.3 * value;
  }
  return samples;
}

function column(matrix: FeatureMatrix, c: number): number[] {
  return Array.from(
    { length: matrix.frames },
    (_, frame) => matrix.data[frame * matrix.dimension + c] ?? 0,
  );
}

describe("is09_lld", () => {
  const set = getFeatureSet("is09_lld");

  it("states its parameters and openSMILE's 32 column names", () => {
    expect(featureSetSpecSchema.parse(set.spec)).toEqual(set.spec);
    expect(set.spec.dimension).toBe(32);
    expect(set.spec.columns.slice(0, 2)).toEqual(["pcm_RMSenergy_sma", "pcm_fftMag_mfcc_sma[1]"]);
    expect(set.spec.columns.slice(13, 16)).toEqual(["pcm_zcr_sma", "voiceProb_sma", "F0_sma"]);
    expect(set.spec.columns.at(-1)).toBe("F0_sma_de");
    expect(set.spec.params["is09_pitchACF.maxPitch"]).toBe(500);
    expect(set.specFor(8000).sampleRate).toBe(8000);
  });

  it.each([8000, 16000, 44100])(
    "finds the F0 of a voiced signal at %i Hz, 0 in silence",
    (rate) => {
      const features = extractFeatures(set, voicedSignal(rate), rate);
      const f0 = column(features, F0_COLUMN);
      const voicing = column(features, VOICE_PROB_COLUMN);
      for (let frame = 30; frame < 70; frame++) {
        expect(voicing[frame]).toBeGreaterThan(0.55);
        // the cepstral peak sits at a whole lag: F0 within one lag step of 150 Hz
        expect(Math.abs((f0[frame] ?? 0) - 150)).toBeLessThan((150 * 150) / rate + 0.5);
      }
      expect(f0.slice(0, 15)).toEqual(new Array(15).fill(0));
      expect(f0.slice(-15)).toEqual(new Array(15).fill(0));
    },
  );

  it("keeps the F0 contour state across chunks: streaming equals batch", () => {
    const samples = voicedSignal(16000);
    const batch = extractFeatures(set, samples, 16000);
    for (const chunk of [1, 159, 400, 4096]) {
      const extractor = createStreamingExtractor(set, 16000);
      const parts: FeatureMatrix[] = [];
      for (let offset = 0; offset < samples.length; offset += chunk) {
        parts.push(extractor.push(samples.subarray(offset, offset + chunk)));
      }
      parts.push(extractor.end());
      const streamed = concatFeatureMatrices(extractor.dimension, parts);
      expect(streamed.data).toEqual(batch.data);
    }
  });

  it.each([400, 1920, 12807])(
    "has one row more than whole frames (the smoother's post-EOI row): %i samples",
    (length) => {
      const samples = voicedSignal(16000).subarray(3000, 3000 + length);
      const frames = wholeFrameCount(length, frameGeometry(16000, 0.025, 0.01));
      expect(extractFeatures(set, samples, 16000).frames).toBe(frames + 1);
    },
  );
});
