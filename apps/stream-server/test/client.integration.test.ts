// The typed client from @emotion-stream/core against the real server, with `ws` injected (Node 20
// has no global WebSocket): producing, watching, reconnecting after a restart, and a refused hello.
import {
  EmotionStreamClient,
  type PredictionMessage,
  type WebSocketConstructor,
} from "@emotion-stream/core";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startStreamServer } from "../src/server.js";
import {
  speechlikeFrames,
  startTestServer,
  TEST_GEOMETRY,
  type TestServer,
} from "./helpers/test-server.js";

const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;
const { windowFrames } = TEST_GEOMETRY;

function nextEvent<Value>(
  subscribe: (listener: (value: Value) => void) => () => void,
): Promise<Value> {
  return new Promise((resolve) => {
    const unsubscribe = subscribe((value) => {
      unsubscribe();
      resolve(value);
    });
  });
}

describe("EmotionStreamClient", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function server(config = {}): Promise<TestServer> {
    const test = await startTestServer(config);
    cleanups.push(() => test.close());
    return test;
  }

  it("produces a stream and watches it", async () => {
    const test = await server();
    const watcher = new EmotionStreamClient({
      url: test.server.url,
      role: "watcher",
      WebSocket: NodeWebSocket,
    });
    const producer = new EmotionStreamClient({
      url: test.server.url,
      role: "producer",
      WebSocket: NodeWebSocket,
    });
    cleanups.push(
      () => watcher.close(),
      () => producer.close(),
    );
    expect(await producer.connect()).toMatchObject({
      type: "welcome",
      role: "producer",
      models: ["tiny"],
    });
    await watcher.connect();
    await watcher.subscribe("all");
    const watched = nextEvent<PredictionMessage>((listener) => watcher.on("prediction", listener));
    const stream = await producer.openStream({
      streamId: "typed",
      model: "tiny",
      input: { kind: "features" },
    });
    expect(stream.opened).toMatchObject({ windowFrames, hopFrames: 10 });
    const predicted = nextEvent<PredictionMessage>((listener) =>
      producer.on("prediction", listener),
    );
    expect(stream.sendFrames(speechlikeFrames(0, windowFrames))).toBe(true);
    expect(await watched).toEqual(await predicted);
    const summary = await stream.end();
    expect(summary).toMatchObject({ streamId: "typed", windows: 1 });
  });

  it("reconnects with backoff after the server restarts, reopening its streams", async () => {
    const first = await server();
    const { port } = first.server;
    const client = new EmotionStreamClient({
      url: first.server.url,
      role: "producer",
      WebSocket: NodeWebSocket,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    cleanups.push(() => client.close());
    await client.connect();
    const stream = await client.openStream({
      streamId: "survivor",
      model: "tiny",
      input: { kind: "features" },
    });
    const reconnecting = nextEvent((listener) => client.on("reconnecting", listener));
    await first.server.close();
    expect(await reconnecting).toMatchObject({ attempt: 1 });
    expect(stream.sendFrames(speechlikeFrames(0, 1))).toBe(false);
    const reopened = nextEvent((listener) => client.on("opened", listener));
    const second = await startStreamServer(
      {
        ...first.server.config,
        port,
        models: first.server.registry.list().map((model) => model.path),
      },
      pino({ level: "silent" }),
    );
    cleanups.push(() => second.close());
    expect(await reopened).toMatchObject({ streamId: "survivor" });
    const predicted = nextEvent<PredictionMessage>((listener) => client.on("prediction", listener));
    stream.sendFrames(speechlikeFrames(0, windowFrames));
    expect(await predicted).toMatchObject({ streamId: "survivor", window: 0 });
  });

  it("rejects a refused hello with the server's code and does not retry", async () => {
    const test = await server({ producerToken: "secret" });
    const client = new EmotionStreamClient({
      url: test.server.url,
      role: "producer",
      token: "wrong",
      WebSocket: NodeWebSocket,
    });
    let retries = 0;
    client.on("reconnecting", () => retries++);
    await expect(client.connect()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(retries).toBe(0);
  });
});
