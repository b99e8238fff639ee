// The language a producer declares in its open, through the real server over real sockets: sent
// by core's typed client, seen by a watcher (stream-started, subscribed) and in GET /streams.
import { EmotionStreamClient, type WebSocketConstructor } from "@emotion-stream/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { RawClient, startTestServer, type TestServer } from "./helpers/test-server.js";

const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;

describe("stream language", () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => test.close());

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

    const listed = (await (
      await fetch(`${test.server.url.replace("ws:", "http:")}/streams`)
    ).json()) as { streamId: string; language?: string }[];
    expect(listed.find((s) => s.streamId === "german")?.language).toBe("de-DE");
    expect(listed.find((s) => s.streamId === "unknown")).not.toHaveProperty("language");
    for (const client of [watcher, late, producer]) client.close();
  });

  it("refuses an open whose language is not a language tag, naming the field", async () => {
    const producer = await RawClient.hello(test.server.url, "producer");
    producer.send({
      type: "open",
      streamId: "bad-language",
      slot: 0,
      model: "tiny",
      input: { kind: "features" },
      language: "German",
    });
    expect(await producer.next((m) => m.type === "error")).toMatchObject({
      code: "BAD_MESSAGE",
      streamId: "bad-language",
      field: "language",
    });
    producer.close();
  });
});
