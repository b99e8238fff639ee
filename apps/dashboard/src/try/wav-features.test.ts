import { FEATURE_SET_NAMES } from "@emotion-stream/core";
import { decodeWav, extractFeatures, getFeatureSet } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { wavFeatures } from "./wav-features.js";

/** A 16-bit PCM WAV of a sine tone, written byte by byte (RIFF, fmt, data). */
function sineWav(sampleRate: number, seconds: number, channels = 1): Uint8Array {
  const frames = Math.round(sampleRate * seconds);
  const bytes = new Uint8Array(44 + frames * channels * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, frames * channels * 2, true);
  for (let t = 0; t < frames; t++) {
    const value = Math.round(8000 * Math.sin((2 * Math.PI * 220 * t) / sampleRate));
    for (let c = 0; c < channels; c++) view.setInt16(44 + (t * channels + c) * 2, value, true);
  }
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

  it("refuses bytes that are not a WAV file with BAD_WAV", async () => {
    await expect(wavFeatures(new Uint8Array(64), "noise.bin", spec)).rejects.toMatchObject({
      code: "BAD_WAV",
    });
  });
});
