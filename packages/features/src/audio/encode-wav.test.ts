import { describe, expect, it } from "vitest";
import { decodeWav } from "./decode-wav.js";
import { encodeWavPcm16 } from "./encode-wav.js";

describe("encodeWavPcm16", () => {
  it("writes a 44-byte header and 2 bytes per sample that decode back to the 16-bit grid", () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 0.25]);
    const bytes = encodeWavPcm16(samples, 8000);
    expect(bytes.length).toBe(44 + 2 * samples.length);
    const decoded = decodeWav(bytes);
    expect(decoded.sampleRate).toBe(8000);
    expect(decoded.channels).toHaveLength(1);
    const expected = samples.map((x) => Math.round(x * 32767) / 32767);
    expect(Array.from(decoded.channels[0] ?? [])).toEqual(Array.from(expected));
  });

  it("clips samples outside [-1, 1] instead of wrapping them", () => {
    const decoded = decodeWav(encodeWavPcm16(Float32Array.from([2, -3]), 16000));
    expect(Array.from(decoded.channels[0] ?? [])).toEqual([1, -1]);
  });
});
