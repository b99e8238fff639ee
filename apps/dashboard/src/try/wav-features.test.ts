import { FEATURE_SET_NAMES } from "@emotion-stream/core";
import {
  decodeWav,
  encodeWavPcm16,
  extractFeatures,
  getFeatureSet,
} from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { wavFeatures } from "./wav-features.js";

/** A 16-bit WAV of a 220 Hz tone, mono or with the same tone on every channel. */
function sineWav(sampleRate: number, seconds: number, channels = 1): Uint8Array {
  const tone = Float32Array.from(
    { length: Math.round(sampleRate * seconds) },
    (_, t) => 0.25 * Math.sin((2 * Math.PI * 220 * t) / sampleRate),
  );
  if (channels === 1) return encodeWavPcm16(tone, sampleRate);
  const interleaved = Float32Array.from(
    { length: tone.length * channels },
    (_, i) => tone[Math.floor(i / channels)] ?? 0,
  );
  return withChannels(encodeWavPcm16(interleaved, sampleRate * channels), sampleRate, channels);
}

/** Rewrites a mono WAV header to say `channels` interleaved channels at `sampleRate`. */
function withChannels(bytes: Uint8Array, sampleRate: number, channels: number): Uint8Array {
  const view = new DataView(bytes.buffer);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  return bytes;
}

describe("wavFeatures", () => {
  const name = FEATURE_SET_NAMES[0];
  const spec = getFeatureSet(name).spec;

  it("gives exactly the batch features of the decoded audio when it is at the set's rate", async () => {
    const bytes = sineWav(spec.sampleRate, 0.5);
    const { features, durationSeconds } = await wavFeatures(bytes, "tone.wav", spec);
    expect(durationSeconds).toBeCloseTo(0.5, 6);
    const [samples] = decodeWav(bytes).channels;
    const expected = extractFeatures(name, samples ?? new Float32Array(), spec.sampleRate);
    expect(features.frames).toBe(expected.frames);
    expect(features.dimension).toBe(spec.dimension);
    expect([...features.data]).toEqual([...expected.data]);
  });

  it("mixes stereo down and resamples other rates to the set's rate", async () => {
    const { features } = await wavFeatures(sineWav(44_100, 0.5, 2), "stereo.wav", spec);
    const frames = Math.round(0.5 / spec.frameStepSeconds);
    expect(Math.abs(features.frames - frames)).toBeLessThanOrEqual(3);
  });

  it("gives a functionals model its live window's functionals every hop, as a stream gets them", async () => {
    const egemaps = getFeatureSet("egemaps_v02").spec;
    const bytes = sineWav(16000, 2);
    const { features } = await wavFeatures(bytes, "tone.wav", egemaps, {
      frames: 100,
      hopFrames: 50,
    });
    expect(features.dimension).toBe(88);
    // 2 s give 196 pitch rows: windows at frames 0 and 50 (one at 100 would need 200).
    expect(features.frames).toBe(2);
    const whole = await wavFeatures(bytes, "tone.wav", egemaps);
    expect(whole.features.frames).toBe(1);
  });

  it("refuses bytes that are not a WAV file with BAD_WAV", async () => {
    await expect(wavFeatures(new Uint8Array(64), "noise.bin", spec)).rejects.toMatchObject({
      code: "BAD_WAV",
    });
  });
});
