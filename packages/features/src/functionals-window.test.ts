import { describe, expect, it } from "vitest";
import { createStreamingExtractor, extractFeatures } from "./extract-features.js";
import { concatFeatureMatrices, type FeatureMatrix } from "./feature-matrix.js";
import { is09Functionals } from "./functionals/functional-sets.js";
import { applyFunctionals } from "./functionals/functionals.js";

const RATE = 16000;

/** A voiced glide with syllable-like pauses and a little noise, `seconds` long. */
function speechLike(seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * RATE));
  let phase = 0;
  let noise = 987654321;
  for (let i = 0; i < samples.length; i += 1) {
    const t = i / RATE;
    phase += (2 * Math.PI * (110 + 40 * Math.sin(2 * Math.PI * 0.7 * t))) / RATE;
    noise = (noise * 1103515245 + 12345) % 2147483648;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 2.5 * t));
    samples[i] =
      syllable * (0.3 * Math.sin(phase) + 0.1 * Math.sin(3 * phase)) +
      0.003 * (noise / 2147483648 - 0.5);
  }
  return samples;
}

function streamed(set: string, samples: Float32Array, chunk: number): FeatureMatrix {
  const extractor = createStreamingExtractor(set, RATE, { frames: 150, hopFrames: 50 });
  const parts: FeatureMatrix[] = [];
  for (let start = 0; start < samples.length; start += chunk) {
    parts.push(extractor.push(samples.subarray(start, start + chunk)));
  }
  parts.push(extractor.end());
  return concatFeatureMatrices(extractor.dimension, parts);
}

describe("functionals over a sliding window of a live stream", () => {
  const samples = speechLike(5);

  it.each(["is09", "egemaps_v02", "egemaps_v02_is09", "compare16"])(
    "%s: one row per hop once a window is in, whatever the chunking",
    (set) => {
      const whole = streamed(set, samples, samples.length);
      // 5 s give about 500 LLD frames: windows of 150 every 50.
      expect(whole.frames).toBeGreaterThanOrEqual(7);
      expect(whole.frames).toBeLessThanOrEqual(8);
      expect(whole.data.every(Number.isFinite)).toBe(true);
      expect(streamed(set, samples, 333).data).toEqual(whole.data);
    },
  );

  it("is09: window k is the functionals of LLD frames 50k .. 50k + 149", () => {
    const lld = extractFeatures("is09_lld", samples, RATE);
    const rows = streamed("is09", samples, 1000);
    for (let k = 0; k < rows.frames; k += 1) {
      const window = {
        frames: 150,
        dimension: lld.dimension,
        data: lld.data.subarray(50 * k * lld.dimension, (50 * k + 150) * lld.dimension),
      };
      const expected = applyFunctionals(window, is09Functionals.functionals, 0.01);
      expect(rows.data.subarray(k * rows.dimension, (k + 1) * rows.dimension)).toEqual(expected);
    }
  });

  it("gives the whole input's functionals at the end of a stream shorter than a window", () => {
    const short = samples.subarray(0, RATE);
    for (const set of ["is09", "egemaps_v02", "compare16"]) {
      expect(streamed(set, short, 500).data).toEqual(extractFeatures(set, short, RATE).data);
    }
  });

  it("gives a live stream too short for any functionals no row (a whole utterance: an error)", () => {
    const tiny = samples.subarray(0, 400);
    for (const set of ["is09", "egemaps_v02", "egemaps_v02_is09", "compare16"]) {
      expect(streamed(set, tiny, 100).frames).toBe(0);
      expect(() => extractFeatures(set, tiny, RATE)).toThrow(
        expect.objectContaining({ code: "UTTERANCE_TOO_SHORT" }),
      );
    }
  });

  it("gives finite functionals for digital silence, as openSMILE does (no NaN for a model)", () => {
    const silence = new Float32Array(RATE);
    for (const set of ["is09", "egemaps_v02", "egemaps_v02_is09", "compare16"]) {
      const { data } = extractFeatures(set, silence, RATE);
      expect(data.every(Number.isFinite)).toBe(true);
      expect(streamed(set, silence, 1000).data.every(Number.isFinite)).toBe(true);
    }
  });

  it("refuses a window on a frame-level set and a window too short to summarise", () => {
    expect(() =>
      createStreamingExtractor("is09_lld", RATE, { frames: 150, hopFrames: 50 }),
    ).toThrow(expect.objectContaining({ code: "BAD_ARGUMENT" }));
    expect(() =>
      createStreamingExtractor("egemaps_v02", RATE, { frames: 3, hopFrames: 1 }),
    ).toThrow(expect.objectContaining({ code: "BAD_ARGUMENT" }));
  });
});
