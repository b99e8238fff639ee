import { describe, expect, it } from "vitest";
import wavefile from "wavefile";
import { decodeWav } from "./decode-wav.js";
import { mixToMono } from "./mix-to-mono.js";

type Samples = Parameters<InstanceType<typeof wavefile.WaveFile>["fromScratch"]>[3];

function wavBytes(channels: number, rate: number, bitDepth: string, samples: Samples): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(channels, rate, bitDepth, samples);
  return wav.toBuffer();
}

describe("decodeWav", () => {
  it("scales 16-bit PCM by 32767 as openSMILE does", () => {
    const audio = decodeWav(wavBytes(1, 16000, "16", [32767, -16384, 0, -32768]));
    expect(audio.sampleRate).toBe(16000);
    expect([...(audio.channels[0] ?? [])]).toEqual(
      [1, -16384 / 32767, 0, -32768 / 32767].map(Math.fround),
    );
  });

  it("scales 24-bit by 32767 x 256 and 32-bit by 2147483647", () => {
    const pcm24 = decodeWav(wavBytes(1, 8000, "24", [8388352, -4194176]));
    expect([...(pcm24.channels[0] ?? [])]).toEqual([1, -0.5]);
    const pcm32 = decodeWav(wavBytes(1, 8000, "32", [2147483647, 0]));
    expect([...(pcm32.channels[0] ?? [])]).toEqual([1, 0]);
  });

  it("centres unsigned 8-bit samples around 128", () => {
    const audio = decodeWav(wavBytes(1, 8000, "8", [128, 255, 1]));
    expect([...(audio.channels[0] ?? [])]).toEqual([0, 1, -1]);
  });

  it("keeps float32 samples as they are", () => {
    const audio = decodeWav(wavBytes(1, 44100, "32f", [0.25, -0.125, 1.5]));
    expect([...(audio.channels[0] ?? [])]).toEqual([0.25, -0.125, 1.5]);
  });

  it("returns every channel, and mixToMono averages them", () => {
    const stereo = decodeWav(
      wavBytes(2, 16000, "16", [
        [32767, 0],
        [0, -32767],
      ]),
    );
    expect(stereo.channels).toHaveLength(2);
    expect([...mixToMono(stereo)]).toEqual([0.5, -0.5]);
    const quad = decodeWav(wavBytes(4, 16000, "16", [[100], [200], [300], [400]]));
    expect(quad.channels).toHaveLength(4);
    expect(mixToMono(quad)[0]).toBeCloseTo(250 / 32767, 7);
  });

  it("rejects a truncated data chunk with BAD_WAV naming the file", () => {
    const bytes = wavBytes(1, 16000, "16", new Array(1000).fill(7));
    expect(() => decodeWav(bytes.subarray(0, bytes.length - 101), "cut.wav")).toThrow(
      expect.objectContaining({
        code: "BAD_WAV",
        details: expect.objectContaining({ file: "cut.wav" }),
      }),
    );
  });

  it("rejects bytes that are not a WAV file with BAD_WAV", () => {
    const garbage = new TextEncoder().encode("definitely not a RIFF file, just text".repeat(4));
    expect(() => decodeWav(garbage, "notes.wav")).toThrow(
      expect.objectContaining({
        code: "BAD_WAV",
        details: expect.objectContaining({ file: "notes.wav" }),
      }),
    );
    const headerOnly = wavBytes(1, 16000, "16", [1, 2, 3]).subarray(0, 30);
    expect(() => decodeWav(headerOnly, "header.wav")).toThrow(
      expect.objectContaining({ code: "BAD_WAV" }),
    );
  });

  it("rejects compressed or 64-bit encodings with UNSUPPORTED_AUDIO", () => {
    const alaw = new wavefile.WaveFile();
    alaw.fromScratch(1, 8000, "16", [1000, -1000, 30000]);
    alaw.toALaw();
    expect(() => decodeWav(alaw.toBuffer(), "alaw.wav")).toThrow(
      expect.objectContaining({
        code: "UNSUPPORTED_AUDIO",
        details: expect.objectContaining({ file: "alaw.wav" }),
      }),
    );
    expect(() => decodeWav(wavBytes(1, 8000, "64", [0.5]), "double.wav")).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_AUDIO" }),
    );
  });
});
