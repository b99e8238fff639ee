import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import wavefile from "wavefile";
import { readAudioForFeatureSet } from "./read-audio-for-feature-set.js";

function writeStereoWav(rate: number, seconds: number): string {
  const frames = Math.round(rate * seconds);
  const left = Int16Array.from({ length: frames }, (_, t) => Math.round(9000 * Math.sin(t / 7)));
  const right = Int16Array.from(left, (value) => -value / 2);
  const wav = new wavefile.WaveFile();
  wav.fromScratch(2, rate, "16", [left, right]);
  const path = join(mkdtempSync(join(tmpdir(), "features-read-")), `stereo_${rate}.wav`);
  writeFileSync(path, wav.toBuffer());
  return path;
}

describe("readAudioForFeatureSet", () => {
  it("keeps the file's own rate by default (openSMILE's behaviour) and mixes to mono", async () => {
    const audio = await readAudioForFeatureSet(writeStereoWav(44100, 0.5), "mfcc0_12");
    expect(audio).toMatchObject({ sampleRate: 44100, fileSampleRate: 44100 });
    expect(audio.samples).toHaveLength(22050);
    // (x + (-x / 2)) / 2 = x / 4 of the left channel.
    expect(audio.samples[7]).toBeCloseTo(Math.round(9000 * Math.sin(1)) / 4 / 32767, 4);
  });

  it("resamples to a requested rate", async () => {
    const audio = await readAudioForFeatureSet(writeStereoWav(44100, 0.5), "mfcc0_12", {
      sampleRate: 16000,
    });
    expect(audio).toMatchObject({ sampleRate: 16000, fileSampleRate: 44100 });
    expect(Math.abs(audio.samples.length - 8000)).toBeLessThanOrEqual(2);
  });

  it("names the file when it does not exist", async () => {
    await expect(readAudioForFeatureSet("/no/such/file.wav", "mfcc0_12")).rejects.toMatchObject({
      code: "FILE_NOT_FOUND",
      details: { file: "/no/such/file.wav" },
    });
  });
});
