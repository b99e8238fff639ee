// A functionals model (one eGeMAPS row per utterance in training) on a live PCM stream: the server
// gives it the functionals of its live window every hop while the stream runs, the same values the
// features package computes for that window, not one row when the stream ends.
import { join } from "node:path";
import { hasSharedData, sharedDir } from "@emotion-stream/config/shared-data";
import { encodeBinaryFrames, QUADRANT_CLASSES } from "@emotion-stream/core";
import { concatFeatureMatrices, createStreamingExtractor } from "@emotion-stream/features";
import { readWavFile } from "@emotion-stream/features/node";
import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import { useTestServer } from "./helpers/test-server.js";
import { expectedOutputs } from "./helpers/tiny-model.js";

const hasReference = hasSharedData("reference/opensmile/wav", "openSMILE reference WAVs");
const wav = join(sharedDir, "reference/opensmile/wav/en_male_normal.wav");
const LIVE = { frames: 100, hopFrames: 50 };

describe.skipIf(!hasReference)("a functionals model on a live stream", () => {
  const test = useTestServer(
    {},
    { featureSet: "egemaps_v02", windowFrames: 1, hopFrames: 1, functionalsWindow: LIVE },
  );

  it("predicts every hop from the window's eGeMAPS functionals, before the stream ends", async () => {
    const audio = await readWavFile(wav);
    const samples = audio.channels[0] ?? new Float32Array(0);
    const reference = createStreamingExtractor("egemaps_v02", 16000, LIVE);
    const rows = concatFeatureMatrices(reference.dimension, [
      reference.push(samples),
      reference.end(),
    ]);
    expect(rows.frames).toBeGreaterThanOrEqual(6);
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("mic", 3, { kind: "pcm", encoding: "f32le", sampleRate: 16000 });
    for (let start = 0; start < samples.length; start += 1600) {
      const values = samples.subarray(start, Math.min(samples.length, start + 1600));
      client.sendBytes(encodeBinaryFrames({ kind: "f32le", slot: 3, dimension: 1, values }));
    }
    // Windows come while the stream is open: no end sent yet.
    const first = await client.next((m) => m.type === "prediction", 10_000);
    if (first.type !== "prediction") throw new Error("no prediction");
    expect(first).toMatchObject({ window: 0, start: 0 });
    expect(first.end).toBeCloseTo(0.99 + 0.06, 6);
    const expected = expectedOutputs(rows.data.slice(0, rows.dimension), rows.dimension);
    QUADRANT_CLASSES.forEach((_, c) => {
      expect(first.probabilities[c]).toBeCloseTo(expected[c] ?? Number.NaN, 5);
    });
    client.send({ type: "end", streamId: "mic" });
    const summary = await client.next((m) => m.type === "summary", 10_000);
    expect(summary).toMatchObject({ windows: rows.frames, frames: rows.frames });
    client.close();
  });

  it("ends a stream too short for any functionals with an empty summary, and serves on", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("blip", 5, { kind: "pcm", encoding: "f32le", sampleRate: 16000 });
    const values = Float32Array.from({ length: 300 }, (_, i) => 0.1 * Math.sin(i / 5));
    client.sendBytes(encodeBinaryFrames({ kind: "f32le", slot: 5, dimension: 1, values }));
    client.send({ type: "end", streamId: "blip" });
    const summary = await client.next((m) => m.type === "summary", 10_000);
    expect(summary).toMatchObject({ streamId: "blip", windows: 0, top: null });
    await client.open("after", 6, { kind: "pcm", encoding: "f32le", sampleRate: 16000 });
    client.close();
  });
});
