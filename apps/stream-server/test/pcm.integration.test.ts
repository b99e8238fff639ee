// Raw PCM in, predictions out: the server's streaming extraction must give exactly the windows that
// batch extraction of the whole file gives, so a live stream is classified as in training.
import { join } from "node:path";
import { hasSharedData, sharedDir } from "@emotion-stream/config/shared-data";
import { encodeBinaryFrames, QUADRANT_CLASSES } from "@emotion-stream/core";
import { extractFeatures, resample } from "@emotion-stream/features";
import { readWavFile } from "@emotion-stream/features/node";
import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import { TEST_GEOMETRY, useTestServer } from "./helpers/test-server.js";
import { expectedOutputs } from "./helpers/tiny-model.js";

const hasReference = hasSharedData("reference/opensmile/wav", "openSMILE reference WAVs");
const wav = join(sharedDir, "reference/opensmile/wav/en_male_normal.wav");
const wav44k = join(sharedDir, "reference/opensmile/wav/en_stereo_44k.wav");

const { windowFrames, hopFrames, dimension } = TEST_GEOMETRY;

describe.skipIf(!hasReference)("PCM streams", () => {
  // One converter for the whole server: every resampled stream reuses the previous one's.
  const test = useTestServer({ maxResampledStreams: 1 });

  it("classifies s16 PCM sent in odd-sized chunks exactly as batch features of the file", async () => {
    const audio = await readWavFile(wav);
    const samples = audio.channels[0] ?? new Float32Array(0);
    const int16 = Int16Array.from(samples, (s) =>
      Math.max(-32768, Math.min(32767, Math.round(s * 32768))),
    );
    const features = extractFeatures(
      "mfcc0_12",
      Float32Array.from(int16, (s) => s / 32768),
      audio.sampleRate,
    );
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("mic", 4, { kind: "pcm", encoding: "s16le", sampleRate: audio.sampleRate });
    for (let start = 0; start < int16.length; start += 1237) {
      const values = int16.subarray(start, Math.min(int16.length, start + 1237));
      client.sendBytes(encodeBinaryFrames({ kind: "s16le", slot: 4, dimension: 1, values }));
    }
    client.send({ type: "end", streamId: "mic" });
    const summary = await client.next((m) => m.type === "summary", 10_000);
    const windows = Math.floor((features.frames - windowFrames) / hopFrames) + 1;
    expect(summary).toMatchObject({ frames: features.frames, windows });
    for (const index of [0, windows - 1]) {
      const prediction = client.messages.find((m) => m.type === "prediction" && m.window === index);
      if (prediction?.type !== "prediction") throw new Error(`no prediction for window ${index}`);
      const start = index * hopFrames * dimension;
      const expected = expectedOutputs(
        features.data.slice(start, start + windowFrames * dimension),
        dimension,
      );
      QUADRANT_CLASSES.forEach((_, c) => {
        expect(prediction.probabilities[c]).toBeCloseTo(expected[c] ?? Number.NaN, 5);
      });
    }
    client.close();
  });

  it("resamples PCM at another rate on the fly, as batch resampling of the file does, on a reused converter", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    // A stream at another rate first: the 44.1 kHz stream below gets its converter from the pool.
    await client.open("before", 6, { kind: "pcm", encoding: "f32le", sampleRate: 8000 });
    const noise = Float32Array.from({ length: 4000 }, (_, i) => Math.sin(i * 1.3) * 0.3);
    client.sendBytes(encodeBinaryFrames({ kind: "f32le", slot: 6, dimension: 1, values: noise }));
    client.send({ type: "end", streamId: "before" });
    await client.next((m) => m.type === "summary" && m.streamId === "before", 10_000);
    const audio = await readWavFile(wav44k);
    const samples = audio.channels[0] ?? new Float32Array(0);
    const features = extractFeatures(
      "mfcc0_12",
      await resample(samples, audio.sampleRate, 16000),
      16000,
    );
    await client.open("mic-44k", 5, {
      kind: "pcm",
      encoding: "f32le",
      sampleRate: audio.sampleRate,
    });
    for (let start = 0; start < samples.length; start += 4410) {
      const values = samples.subarray(start, Math.min(samples.length, start + 4410));
      client.sendBytes(encodeBinaryFrames({ kind: "f32le", slot: 5, dimension: 1, values }));
    }
    client.send({ type: "end", streamId: "mic-44k" });
    const summary = await client.next(
      (m) => m.type === "summary" && m.streamId === "mic-44k",
      10_000,
    );
    if (summary.type !== "summary") throw new Error("not a summary");
    // The streaming converter holds back its filter's last few milliseconds at the end.
    expect(Math.abs(summary.frames - features.frames)).toBeLessThanOrEqual(2);
    const prediction = client.messages.find(
      (m) => m.type === "prediction" && m.streamId === "mic-44k" && m.window === 0,
    );
    if (prediction?.type !== "prediction") throw new Error("no prediction for window 0");
    const expected = expectedOutputs(features.data.slice(0, windowFrames * dimension), dimension);
    QUADRANT_CLASSES.forEach((_, c) => {
      expect(prediction.probabilities[c]).toBeCloseTo(expected[c] ?? Number.NaN, 4);
    });
    client.close();
  });
});
