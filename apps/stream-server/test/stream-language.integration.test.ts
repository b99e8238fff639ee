// The language a producer declares in its open, through the real server over real sockets: sent
// by core's typed client, seen by a watcher (stream-started, subscribed) and in GET /streams, and
// heard by a language-aware model.
import {
  EmotionStreamClient,
  languageColumns,
  QUADRANT_CLASSES,
  type WebSocketConstructor,
} from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { RawClient } from "./helpers/raw-client.js";
import {
  liveStreams,
  speechlikeFrames,
  TEST_GEOMETRY,
  useTestServer,
} from "./helpers/test-server.js";
import { expectedOutputs } from "./helpers/tiny-model.js";

const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;

describe("stream language", () => {
  const test = useTestServer();

  it("reaches watchers and the streams list when declared, and is absent when not", async () => {
    const watcher = await RawClient.hello(test.server.url, "watcher");
    watcher.send({ type: "subscribe", streams: "all" });
    await watcher.next((m) => m.type === "subscribed");
    const producer = new EmotionStreamClient({
      url: test.server.url,
      role: "producer",
      WebSocket: NodeWebSocket,
      reconnect: false,
    });
    await producer.connect();
    const input = { kind: "features" } as const;
    await producer.openStream({ streamId: "german", model: "tiny", input, language: "de-DE" });
    await producer.openStream({ streamId: "unknown", model: "tiny", input });
    // The client refuses a bad tag itself, before anything is sent.
    await expect(
      producer.openStream({ streamId: "english", model: "tiny", input, language: "English" }),
    ).rejects.toMatchObject({ code: "BAD_ARGUMENT", details: { field: "language" } });

    expect(await watcher.next((m) => m.type === "stream-started")).toMatchObject({
      stream: { streamId: "german", model: "tiny", language: "de-DE" },
    });
    const unknown = await watcher.next<"stream-started">(
      (m) => m.type === "stream-started" && m.stream.streamId === "unknown",
    );
    expect(unknown.stream).not.toHaveProperty("language");

    const late = await RawClient.hello(test.server.url, "watcher");
    late.send({ type: "subscribe", streams: ["german"] });
    expect(await late.next((m) => m.type === "subscribed")).toMatchObject({
      streams: [{ streamId: "german", language: "de-DE" }],
    });

    const listed = await liveStreams(test);
    expect(listed.find((s) => s.streamId === "german")?.language).toBe("de-DE");
    expect(listed.find((s) => s.streamId === "unknown")).not.toHaveProperty("language");
    for (const client of [watcher, late, producer]) client.close();
  });

  it("refuses an open whose language is not a language tag, naming the field", async () => {
    const producer = await RawClient.hello(test.server.url, "producer");
    producer.sendOpen("bad-language", 0, { kind: "features" }, "tiny", "German");
    expect(await producer.next((m) => m.type === "error")).toMatchObject({
      code: "BAD_MESSAGE",
      streamId: "bad-language",
      field: "language",
    });
    producer.close();
  });
});

describe("a language-aware model", () => {
  const languageInput = { languages: ["de", "en"], value: 3 };
  const { windowFrames, dimension } = TEST_GEOMETRY;
  const test = useTestServer({}, { languageInput });

  /** The tiny model's answer for the first window with `language`'s columns after each frame. */
  function expected(frames: Float32Array, language: string | undefined): number[] {
    const columns = languageColumns(languageInput, language);
    const width = dimension + columns.length;
    const window = new Float32Array(windowFrames * width);
    for (let frame = 0; frame < windowFrames; frame++) {
      window.set(frames.subarray(frame * dimension, (frame + 1) * dimension), frame * width);
      window.set(columns, frame * width + dimension);
    }
    return expectedOutputs(window, width);
  }

  it("hears each stream's declared language, and the average of its languages for an unlisted or undeclared one", async () => {
    const producer = await RawClient.hello(test.server.url, "producer");
    const streams = [
      ["german", "de-DE"],
      ["english", "en"],
      ["french", "fr-FR"],
      ["undeclared", undefined],
    ] as const;
    const frames = speechlikeFrames(0, windowFrames);
    for (const [slot, [streamId, language]] of streams.entries()) {
      await producer.open(streamId, slot, { kind: "features" }, "tiny", language);
      producer.sendFrames(slot, frames);
    }
    const answers = new Map<string, readonly number[]>();
    for (const [streamId, language] of streams) {
      const prediction = await producer.next<"prediction">(
        (m) => m.type === "prediction" && m.streamId === streamId,
      );
      const want = expected(frames, language);
      QUADRANT_CLASSES.forEach((_, c) => {
        expect(prediction.probabilities[c]).toBeCloseTo(want[c] ?? Number.NaN, 5);
      });
      answers.set(streamId, prediction.probabilities);
    }
    // The language moves the answer: the same frames, three different inputs.
    expect(answers.get("german")).not.toEqual(answers.get("english"));
    expect(answers.get("french")).toEqual(answers.get("undeclared"));
    expect(answers.get("french")).not.toEqual(answers.get("german"));
    producer.close();
  });
});
