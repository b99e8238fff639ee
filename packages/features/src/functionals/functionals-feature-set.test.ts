import { featureSetSpecSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { createStreamingExtractor, extractFeatures } from "../extract-features.js";
import { getFeatureSet } from "../sets/registry.js";
import { is09Functionals } from "./functional-sets.js";
import { applyFunctionals } from "./functionals.js";

/** A second of a gliding, amplitude-modulated tone with a little noise. */
function glide(seconds: number): Float32Array {
  const rate = 16000;
  const samples = new Float32Array(seconds * rate);
  let phase = 0;
  let noise = 12345;
  for (let i = 0; i < samples.length; i += 1) {
    phase += (2 * Math.PI * (120 + (80 * i) / samples.length)) / rate;
    noise = (noise * 1103515245 + 12345) % 2147483648;
    const envelope = 0.5 + 0.4 * Math.sin((2 * Math.PI * 3 * i) / rate);
    samples[i] = envelope * 0.3 * Math.sin(phase) + 0.01 * (noise / 2147483648 - 0.5);
  }
  return samples;
}

describe("is09 as a feature set of level functionals", () => {
  const set = getFeatureSet("is09");

  it("has a valid spec: 384 columns named as openSMILE's, level functionals", () => {
    expect(featureSetSpecSchema.parse(set.spec)).toEqual(set.spec);
    expect(set.spec).toMatchObject({ level: "functionals", dimension: 384 });
    expect(set.spec.columns[0]).toBe("pcm_RMSenergy_sma_max");
  });

  it("gives one row, the utterance's functionals, batch or streamed in chunks", () => {
    const samples = glide(1.5);
    const batch = extractFeatures("is09", samples, 16000);
    expect(batch.frames).toBe(1);
    // openSMILE's functionals see every LLD row but the 3 its smoothing and deltas add at the end.
    const lld = extractFeatures("is09_lld", samples, 16000);
    const seen = {
      ...lld,
      frames: lld.frames - 3,
      data: lld.data.subarray(0, (lld.frames - 3) * lld.dimension),
    };
    expect(batch.data).toEqual(applyFunctionals(seen, is09Functionals.functionals, 0.01));
    const extractor = createStreamingExtractor("is09", 16000);
    for (let start = 0; start < samples.length; start += 777) {
      expect(extractor.push(samples.subarray(start, start + 777)).frames).toBe(0);
    }
    const streamed = extractor.end();
    expect(streamed.frames).toBe(1);
    expect(streamed.data).toEqual(batch.data);
  });

  it("refuses audio too short for the functionals, naming the frames needed", () => {
    expect(() => extractFeatures("is09", new Float32Array(400), 16000)).toThrow(
      expect.objectContaining({ code: "UTTERANCE_TOO_SHORT" }),
    );
  });
});
