// What a stranger on the network can send, over real sockets: request targets that are not paths,
// audio of absurd amplitude, feature values that drive the model to NaN, endless subscriptions,
// megabyte-long fields, deep JSON, messages before the hello. Each gets its answer; the process
// stays up and every other client's stream is untouched.
import { CLOSE_CODES, encodeBinaryFrames, PROTOCOL_VERSION } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { RawClient, rawHttpStatus, useBystander } from "./helpers/raw-client.js";
import {
  liveStreams,
  speechlikeFrames,
  TEST_GEOMETRY,
  useTestServer,
} from "./helpers/test-server.js";

const { windowFrames, dimension } = TEST_GEOMETRY;

describe("hostile clients", () => {
  // Windows ready within 50 ms of each other share a batch, so one stream's NaN window and a
  // bystander's window are classified together.
  const test = useTestServer({ maxBatchDelayMs: 50, maxSubscriptionsPerWatcher: 100 });
  const bystander = useBystander(test);

  it("answers any HTTP request target with a status, never ending the process", async () => {
    const targets = ["//", "///", "//@", "//:99999", "http://", "//[::1", "/\\\\", "*", "x"];
    for (const target of targets) {
      const status = await rawHttpStatus(
        test.server.port,
        `GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`,
      );
      expect(status, target).toMatch(/^HTTP\/1\.1 (400|404) /);
    }
    expect(
      await rawHttpStatus(
        test.server.port,
        `GET http://example.org/healthz?x=1 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1\.1 200 /);
    expect(await (await fetch(`${test.httpUrl}/healthz`)).json()).toEqual({ status: "ok" });
    await bystander.expectServed();
  });

  it("refuses f32le samples far past full scale, and the producer's disconnect ends only its stream", async () => {
    const attacker = await RawClient.hello(test.server.url, "producer");
    await attacker.open("loud", 1, { kind: "pcm", encoding: "f32le", sampleRate: 16000 });
    const samples = new Float32Array(16000).fill(1e15);
    attacker.sendBytes(
      encodeBinaryFrames({ kind: "f32le", slot: 1, dimension: 1, values: samples }),
    );
    const refused = await attacker.error("VALUE_OUT_OF_RANGE");
    expect(refused).toMatchObject({ streamId: "loud", field: "samples" });
    attacker.send({ type: "frames", streamId: "loud", frames: [[0.1, -20]] });
    expect(await attacker.error("VALUE_OUT_OF_RANGE")).toMatchObject({ streamId: "loud" });
    // Full-scale audio with some overshoot is audio: taken.
    attacker.sendBytes(
      encodeBinaryFrames({
        kind: "f32le",
        slot: 1,
        dimension: 1,
        values: Float32Array.from({ length: 8000 }, (_, i) => 1.5 * Math.sin(i / 7)),
      }),
    );
    attacker.close();
    await attacker.closed;
    await bystander.expectServed();
    expect(await (await fetch(`${test.httpUrl}/healthz`)).json()).toEqual({ status: "ok" });
  });

  it("drops a window whose model output is NaN for its stream alone; a stream in the same batch is served", async () => {
    const attacker = await RawClient.hello(test.server.url, "producer");
    await attacker.open("poison", 2);
    const healthy = await RawClient.hello(test.server.url, "producer");
    await healthy.open("healthy", 0);
    // Finite float32 values whose sum over a window overflows: the model's mean becomes infinite.
    attacker.sendFrames(2, new Float32Array(windowFrames * dimension).fill(3e38));
    healthy.sendFrames(0, speechlikeFrames(0, windowFrames));
    expect(await attacker.error("BAD_POSTERIORS")).toMatchObject({ streamId: "poison" });
    await healthy.next((m) => m.type === "prediction" && m.streamId === "healthy");
    expect(healthy.messages.filter((m) => m.type === "error")).toEqual([]);
    healthy.send({ type: "end", streamId: "healthy" });
    expect(await healthy.next((m) => m.type === "summary")).toMatchObject({ windows: 1 });
    attacker.send({ type: "end", streamId: "poison" });
    expect(await attacker.next((m) => m.type === "summary")).toMatchObject({
      windows: 0,
      top: null,
    });
    attacker.close();
    healthy.close();
    await attacker.closed;
    const live = await liveStreams(test);
    expect(live.map((stream) => stream.streamId)).toEqual(["bystander"]);
    await bystander.expectServed();
  });

  it("survives a producer that disconnects with a NaN window in flight", async () => {
    const attacker = await RawClient.hello(test.server.url, "producer");
    await attacker.open("poison-2", 3);
    attacker.sendFrames(3, new Float32Array(windowFrames * dimension).fill(-3e38));
    attacker.close();
    await attacker.closed;
    await bystander.expectServed();
  });

  it("bounds the streams a watcher may name, keeping the watcher connected", async () => {
    const watcher = await RawClient.hello(test.server.url, "watcher");
    const ids = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `not-yet-${from + i}`);
    watcher.send({ type: "subscribe", streams: ids(0, 60) });
    await watcher.next((m) => m.type === "subscribed");
    watcher.send({ type: "subscribe", streams: ids(60, 41) });
    expect(await watcher.error("SUBSCRIPTION_LIMIT")).toMatchObject({ field: "streams" });
    watcher.send({ type: "subscribe", streams: "all" });
    const subscribed = await watcher.next(
      (m) => m.type === "subscribed" && m.streams.some((s) => s.streamId === "bystander"),
    );
    expect(subscribed.type).toBe("subscribed");
    watcher.close();
  });

  it("never echoes a long field back whole, and refuses a 400,000-deep array before parsing it", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    client.send({ type: "x".repeat(500_000) });
    const unknown = await client.error("UNKNOWN_MESSAGE_TYPE");
    expect(JSON.stringify(unknown).length).toBeLessThan(1000);
    client.send({ type: "open", streamId: "s".repeat(500_000), slot: 9, model: "tiny" });
    expect(JSON.stringify(await client.error("BAD_MESSAGE")).length).toBeLessThan(1000);
    const depth = 400_000;
    client.send(`{"type":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    await client.error("BAD_MESSAGE");
    expect(client.messages.some((m) => m.type === "error" && m.code === "INTERNAL_ERROR")).toBe(
      false,
    );
    client.close();
  });

  it("ends a connection whose first message is not a hello with HANDSHAKE_REQUIRED", async () => {
    for (const first of ["{ not json", JSON.stringify({ type: "subscribe", streams: "all" })]) {
      const client = await RawClient.connect(test.server.url);
      client.send(first);
      await client.error("HANDSHAKE_REQUIRED");
      expect((await client.closed).code).toBe(CLOSE_CODES.handshakeFailed);
    }
    const binary = await RawClient.connect(test.server.url);
    binary.sendFrames(0, speechlikeFrames(0, 1));
    await binary.error("HANDSHAKE_REQUIRED");
    expect((await binary.closed).code).toBe(CLOSE_CODES.handshakeFailed);
    const badHello = await RawClient.connect(test.server.url);
    badHello.send({ type: "hello", protocol: PROTOCOL_VERSION, role: "king" });
    expect(await badHello.error("HANDSHAKE_REQUIRED")).toMatchObject({ field: "role" });
    expect((await badHello.closed).code).toBe(CLOSE_CODES.handshakeFailed);
  });
});

describe("tokens over HTTP and a brake on guessing them", () => {
  const test = useTestServer({
    producerToken: "producer-secret",
    watcherToken: "watcher-secret",
    maxAuthFailures: 3,
  });

  const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it("asks /streams for the watcher token and /models for either, and shows no file-system path", async () => {
    expect((await fetch(`${test.httpUrl}/streams`)).status).toBe(401);
    expect((await fetch(`${test.httpUrl}/streams`, withToken("producer-secret"))).status).toBe(401);
    expect((await fetch(`${test.httpUrl}/streams`, withToken("watcher-secret"))).status).toBe(200);
    expect((await fetch(`${test.httpUrl}/models`)).status).toBe(401);
    const models = await fetch(`${test.httpUrl}/models`, withToken("producer-secret"));
    expect(models.status).toBe(200);
    const text = await models.text();
    expect(text).not.toContain(test.directory);
    expect(JSON.parse(text)).toMatchObject([{ id: "tiny", file: "tiny.onnx", sealed: true }]);
    expect((await fetch(`${test.httpUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${test.httpUrl}/metrics`)).status).toBe(200);
  });

  it("refuses an address that keeps sending wrong tokens, over HTTP and WebSocket, until its window ends", async () => {
    // The previous test spent one failure of this address's three (a producer token for /streams);
    // hellos without a token are not guesses and do not count.
    const missing = await RawClient.connect(test.server.url);
    missing.send({ type: "hello", protocol: PROTOCOL_VERSION, role: "watcher" });
    await missing.error("UNAUTHORIZED");
    for (const guess of ["guess-1", "guess-2"]) {
      const wrong = await RawClient.connect(test.server.url);
      wrong.send({ type: "hello", protocol: PROTOCOL_VERSION, role: "watcher", token: guess });
      await wrong.error("UNAUTHORIZED");
      expect((await wrong.closed).code).toBe(CLOSE_CODES.handshakeFailed);
    }
    const locked = await fetch(`${test.httpUrl}/streams`, withToken("watcher-secret"));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    await expect(RawClient.connect(test.server.url)).rejects.toThrow(/429/);
  });
});
