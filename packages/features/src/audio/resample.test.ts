import { describe, expect, it } from "vitest";
import { resample } from "./resample.js";

function tone(frequency: number, sampleRate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(sampleRate * seconds) }, (_, t) =>
    Math.sin((2 * Math.PI * frequency * t) / sampleRate),
  );
}

function rms(samples: Float32Array): number {
  // The middle half only: the converter's filter ramps in and out at the edges.
  const middle = samples.subarray(samples.length / 4, (3 * samples.length) / 4);
  return Math.sqrt(middle.reduce((sum, value) => sum + value * value, 0) / middle.length);
}

describe("resample", () => {
  it("keeps a tone below the new Nyquist frequency at its level and length ratio", async () => {
    const out = await resample(tone(1000, 44100, 0.5), 44100, 16000);
    expect(Math.abs(out.length - 8000)).toBeLessThanOrEqual(2);
    expect(rms(out)).toBeCloseTo(Math.SQRT1_2, 2);
    let crossings = 0;
    for (let t = 1; t < out.length; t += 1) {
      if ((out[t - 1] ?? 0) < 0 && (out[t] ?? 0) >= 0) crossings += 1;
    }
    expect(Math.abs(crossings - 500)).toBeLessThanOrEqual(2);
  });

  it("removes a tone above the new Nyquist frequency (band-limited, no aliasing)", async () => {
    const out = await resample(tone(10000, 44100, 0.5), 44100, 16000);
    expect(rms(out)).toBeLessThan(0.01);
  });

  it("returns the input unchanged when the rates agree", async () => {
    const input = tone(440, 16000, 0.1);
    expect(await resample(input, 16000, 16000)).toBe(input);
  });

  it("rejects non-positive rates with BAD_SAMPLE_RATE", async () => {
    await expect(resample(new Float32Array(10), 0, 16000)).rejects.toMatchObject({
      code: "BAD_SAMPLE_RATE",
    });
  });
});
