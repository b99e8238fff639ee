// A per-speaker card: each live stream is normalised with its own running statistics, so the same
// audio at another gain and level gets the same predictions once the stream's statistics outweigh
// the card's pooled ones.
import { ZNormAccumulator } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { PRIOR_SECONDS } from "../src/streams/window-normalisation.js";
import { RawClient } from "./helpers/raw-client.js";
import {
  replaceModel,
  speechlikeFrames,
  TEST_GEOMETRY,
  useTestServer,
  waitForModelVersion,
} from "./helpers/test-server.js";
import { expectedOutputs, tinyModelBytes, tinyModelCard } from "./helpers/tiny-model.js";

const { windowFrames, hopFrames, dimension } = TEST_GEOMETRY;
const MEAN = Array.from({ length: dimension }, (_, d) => d / 10);
const STD = Array.from({ length: dimension }, (_, d) => 1 + d / 5);
/** Five minutes of 10 ms frames: the prior (3 s) then weighs 1%. */
const FRAMES = 30_000;
const CHUNK = 500;
const LAST_WINDOW = (FRAMES - windowFrames) / hopFrames;

/** Window 0's and the last window's probabilities; paced a chunk at a time so no window is dropped. */
async function predictions(client: RawClient, slot: number, frames: Float32Array) {
  const at = async (window: number) => {
    const message = await client.next(
      (m) => m.type === "prediction" && m.window === window && m.streamId === `s${slot}`,
      20_000,
    );
    if (message.type !== "prediction") throw new Error("not a prediction");
    return message.probabilities;
  };
  for (let from = 0; from < FRAMES; from += CHUNK) {
    client.sendFrames(slot, frames.subarray(from * dimension, (from + CHUNK) * dimension));
    await at((from + CHUNK - windowFrames) / hopFrames);
  }
  return { first: await at(0), last: await at(LAST_WINDOW) };
}

/** What the card's pooled statistics would give for the last window (the server's old behaviour). */
function pooledPrediction(frames: Float32Array): number[] {
  const from = LAST_WINDOW * hopFrames * dimension;
  const window = frames
    .slice(from, from + windowFrames * dimension)
    .map((value, i) => (value - (MEAN[i % dimension] ?? 0)) / (STD[i % dimension] ?? 1));
  return expectedOutputs(window, dimension);
}

const largestDifference = (a: number[], b: number[]) =>
  Math.max(...a.map((value, c) => Math.abs(value - (b[c] ?? Number.NaN))));

describe("per-speaker cards over a real socket", () => {
  // Five minutes of stream time arrive within milliseconds; the real-time guard must not end them.
  const test = useTestServer(
    { realTimeFactor: 1e9 },
    { normalisation: { kind: "per-speaker", mean: MEAN, std: STD, groups: {} } },
  );

  it("normalises each stream with its own statistics: gain and level stop mattering after the warm-up", async () => {
    const quiet = speechlikeFrames(0, FRAMES);
    // The same frames at another gain and level in every dimension, as another microphone gives.
    const loud = quiet.map((value, i) => {
      const d = i % dimension;
      return value * (2 + d / 4) + 3 - (d % 5);
    });
    const a = await RawClient.hello(test.server.url, "producer");
    const b = await RawClient.hello(test.server.url, "producer");
    await a.open("s1", 1);
    await b.open("s2", 2);
    const [fromQuiet, fromLoud] = await Promise.all([
      predictions(a, 1, quiet),
      predictions(b, 2, loud),
    ]);
    // The first window leans on the pooled statistics, so the gain still shows (0.15 here) ...
    expect(largestDifference(fromQuiet.first, fromLoud.first)).toBeGreaterThan(0.05);
    // ... after five minutes the prior's 1% leaves about 0.001, where pooled statistics would
    // leave the gain's whole effect.
    const pooledDifference = largestDifference(pooledPrediction(quiet), pooledPrediction(loud));
    expect(pooledDifference).toBeGreaterThan(0.05);
    expect(largestDifference(fromQuiet.last, fromLoud.last)).toBeLessThan(0.003);
    a.close();
    b.close();
  }, 30_000);
});

describe("a reload onto a per-speaker card", () => {
  const test = useTestServer(
    { watch: true, realTimeFactor: 1e9 },
    { normalisation: { kind: "global", mean: MEAN, std: STD } },
  );

  it("normalises the stream with the statistics of all its frames, including those sent before", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("s1", 1);
    const frames = speechlikeFrames(0, windowFrames + hopFrames).map((value) => 5 + 3 * value);
    client.sendFrames(1, frames.subarray(0, windowFrames * dimension));
    await client.next((m) => m.type === "prediction" && m.window === 0);

    const perSpeaker = { kind: "per-speaker", mean: MEAN, std: STD, groups: {} } as const;
    await replaceModel(
      test,
      tinyModelBytes({ windowFrames, hopFrames, normalisation: perSpeaker }),
    );
    await waitForModelVersion(test, 2);

    client.sendFrames(1, frames.subarray(windowFrames * dimension));
    const prediction = await client.next((m) => m.type === "prediction" && m.window === 1);
    if (prediction.type !== "prediction") throw new Error("not a prediction");
    // Window 1 ends at the last frame: statistics of every frame, from before the reload too.
    const statistics = new ZNormAccumulator(dimension);
    for (let t = 0; t < windowFrames + hopFrames; t++) statistics.addFrame(frames, t * dimension);
    const shift = new Float32Array(dimension);
    const scale = new Float32Array(dimension);
    const { frameStepSeconds } = tinyModelCard().featureSet;
    statistics.writeAffine(
      {
        mean: Float64Array.from(MEAN),
        std: Float64Array.from(STD),
        frames: Math.round(PRIOR_SECONDS / frameStepSeconds),
      },
      shift,
      scale,
    );
    const window = frames
      .slice(hopFrames * dimension)
      .map((value, i) => (value - (shift[i % dimension] ?? 0)) * (scale[i % dimension] ?? 1));
    expectedOutputs(window, dimension).forEach((p, c) => {
      expect(prediction.probabilities[c]).toBeCloseTo(p, 5);
    });
    client.close();
  });
});
