// A changed model file is loaded beside the old one and takes over without dropping streams; a bad
// or damaged (seal mismatch) file is refused and the old version keeps serving.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { QUADRANT_CLASSES, sealModelFile } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import {
  replaceModel,
  servedModelVersion,
  speechlikeFrames,
  TEST_GEOMETRY,
  useTestServer,
  waitForModelVersion,
} from "./helpers/test-server.js";
import { expectedOutputs, tinyModelBytes } from "./helpers/tiny-model.js";

const { windowFrames, hopFrames, dimension } = TEST_GEOMETRY;

describe("hot reload", () => {
  const test = useTestServer({ watch: true });

  it("moves open streams to a changed model, refuses a bad file, pins streams on an incompatible one", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("long-lived", 1);
    const frames = speechlikeFrames(0, windowFrames + 3 * hopFrames);
    const windowAt = (index: number) =>
      frames.slice(index * hopFrames * dimension, (index * hopFrames + windowFrames) * dimension);
    const sendUpTo = async (index: number) => {
      const from = (index === 0 ? 0 : windowFrames + (index - 1) * hopFrames) * dimension;
      client.sendFrames(1, frames.subarray(from, (windowFrames + index * hopFrames) * dimension));
      const prediction = await client.next((m) => m.type === "prediction" && m.window === index);
      if (prediction.type !== "prediction") throw new Error("not a prediction");
      return prediction.probabilities;
    };
    const expectSeed = (probabilities: number[], index: number, seed: number) => {
      const expected = expectedOutputs(windowAt(index), dimension, seed);
      QUADRANT_CLASSES.forEach((_, c) => {
        expect(probabilities[c]).toBeCloseTo(expected[c] ?? Number.NaN, 5);
      });
    };

    expectSeed(await sendUpTo(0), 0, 1);
    await replaceModel(test, tinyModelBytes({ windowFrames, hopFrames, seed: 2 }));
    await waitForModelVersion(test, 2);
    expectSeed(await sendUpTo(1), 1, 2);

    await writeFile(join(test.directory, "tiny.onnx"), Uint8Array.of(1, 2, 3, 4));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await servedModelVersion(test)).toBe(2);
    // One flipped bit that every parser takes (the card's year 2026 becomes 2027): the seal refuses it.
    const damaged = await sealModelFile(tinyModelBytes({ windowFrames, hopFrames, seed: 4 }));
    const year = Buffer.from(damaged).indexOf("2026-11-25");
    damaged[year + 3] = (damaged[year + 3] as number) ^ 0x01;
    await replaceModel(test, damaged);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await servedModelVersion(test)).toBe(2);
    expectSeed(await sendUpTo(2), 2, 2);

    await replaceModel(test, tinyModelBytes({ windowFrames: 30, hopFrames, seed: 3 }));
    await waitForModelVersion(test, 3);
    expectSeed(await sendUpTo(3), 3, 2);
    expect(await client.open("new-geometry", 2)).toMatchObject({ windowFrames: 30 });
    client.close();
  });
});
