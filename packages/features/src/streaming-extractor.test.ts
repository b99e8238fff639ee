import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStreamingExtractor, extractFeatures } from "./extract-features.js";
import { concatFeatureMatrices, type FeatureMatrix } from "./feature-matrix.js";
import { frameGeometry, wholeFrameCount } from "./framing.js";
import { availableFeatureSets, getFeatureSet } from "./sets/registry.js";

/** A chirp with noise: every band moves, so any misplaced sample shows. */
function testSignal(sampleRate: number, seconds: number, seed: number): Float32Array {
  const samples = new Float32Array(Math.round(sampleRate * seconds));
  let state = seed;
  for (let t = 0; t < samples.length; t += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const noise = state / 2147483648 - 0.5;
    const time = t / sampleRate;
    samples[t] = 0.4 * Math.sin(2 * Math.PI * (200 + 1500 * time) * time) + 0.05 * noise;
  }
  return samples;
}

function streamInChunks(
  name: string,
  samples: Float32Array,
  sampleRate: number,
  chunkSizes: readonly number[],
): FeatureMatrix {
  const extractor = createStreamingExtractor(name, sampleRate);
  const parts: FeatureMatrix[] = [];
  let offset = 0;
  let next = 0;
  while (offset < samples.length) {
    const size = chunkSizes[next % chunkSizes.length] ?? 1;
    parts.push(extractor.push(samples.subarray(offset, offset + size)));
    offset += size;
    next += 1;
  }
  parts.push(extractor.end());
  return concatFeatureMatrices(extractor.dimension, parts);
}

const chunkSize = fc.oneof(
  fc.integer({ min: 1, max: 16 }),
  fc.integer({ min: 17, max: 1000 }),
  fc.integer({ min: 1001, max: 32000 }),
);

const frameLevelSets = availableFeatureSets().filter(
  (name) => getFeatureSet(name).spec.level !== "functionals",
);

describe.each(frameLevelSets)("streaming %s", (name) => {
  it("emits exactly the batch frames for any chunking", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8000, 16000, 44100),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.array(chunkSize, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        (sampleRate, seconds, chunkSizes, seed) => {
          const samples = testSignal(sampleRate, seconds, seed);
          const batch = extractFeatures(name, samples, sampleRate);
          const streamed = streamInChunks(name, samples, sampleRate, chunkSizes);
          expect(streamed.frames).toBe(batch.frames);
          expect(streamed.data).toEqual(batch.data);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("holds back no more frames than its stages' lookahead", () => {
    const spec = getFeatureSet(name).specFor(16000);
    const geometry = frameGeometry(16000, spec.frameSizeSeconds, spec.frameStepSeconds);
    const extractor = createStreamingExtractor(name, 16000);
    const lookahead = extractor.delayFrames;
    const samples = testSignal(16000, 2, 7);
    let emitted = 0;
    for (let offset = 0; offset < samples.length; offset += 1234) {
      emitted += extractor.push(samples.subarray(offset, offset + 1234)).frames;
      const complete = wholeFrameCount(Math.min(offset + 1234, samples.length), geometry);
      expect(emitted).toBeGreaterThanOrEqual(complete - lookahead);
    }
  });

  it("emits no frames for input shorter than one frame, and none after end", () => {
    const { frameSize } = frameGeometry(16000, 0.025, 0.01);
    const extractor = createStreamingExtractor(name, 16000);
    expect(extractor.push(new Float32Array(frameSize - 1)).frames).toBe(0);
    expect(extractor.end().frames).toBe(0);
    expect(extractor.end().frames).toBe(0);
  });

  it("refuses samples after end()", () => {
    const extractor = createStreamingExtractor(name, 16000);
    extractor.end();
    expect(() => extractor.push(new Float32Array(10))).toThrow(
      expect.objectContaining({ code: "STREAM_ENDED" }),
    );
  });
});

describe("createStreamingExtractor", () => {
  it("rejects unknown sets and bad sample rates with codes", () => {
    expect(() => createStreamingExtractor("mfcc99", 16000)).toThrow(
      expect.objectContaining({ code: "UNKNOWN_FEATURE_SET" }),
    );
    expect(() => createStreamingExtractor("mfcc0_12", 0)).toThrow(
      expect.objectContaining({ code: "BAD_SAMPLE_RATE" }),
    );
  });
});
