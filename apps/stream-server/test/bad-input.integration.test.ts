// Every malformed or hostile input over a real socket: each gets its error code, and only the
// offending message, stream or connection suffers — a sibling stream on the same connection and a
// bystander on another connection keep getting predictions.
import { CLOSE_CODES, encodeBinaryFrames, PROTOCOL_VERSION } from "@emotion-stream/core";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { expectServed, RawClient, useBystander } from "./helpers/raw-client.js";
import {
  liveStreams,
  speechlikeFrames,
  startTestServer,
  TEST_GEOMETRY,
  useTestServer,
} from "./helpers/test-server.js";

const { windowFrames, dimension } = TEST_GEOMETRY;

describe("bad input over a real socket", () => {
  const test = useTestServer({ maxStreamsPerConnection: 3, maxPayloadBytes: 64 * 1024 });
  const bystander = useBystander(test);
  const clients: RawClient[] = [];

  async function producer(): Promise<RawClient> {
    const client = await RawClient.hello(test.server.url, "producer");
    clients.push(client);
    return client;
  }

  afterEach(async () => {
    await bystander.expectServed();
    for (const client of clients.splice(0)) client.close();
  });

  it("answers invalid JSON with BAD_MESSAGE and keeps the connection", async () => {
    const client = await producer();
    client.send("{ not json");
    expect((await client.error("BAD_MESSAGE")).streamId).toBeUndefined();
    await client.open("after-bad-json", 1);
    await expectServed(client, "after-bad-json", 1);
  });

  it("answers an unknown message type with UNKNOWN_MESSAGE_TYPE", async () => {
    const client = await producer();
    client.send({ type: "sing", streamId: "x" });
    await client.error("UNKNOWN_MESSAGE_TYPE");
    await client.open("after-unknown-type", 1);
  });

  it("answers a message of the right type but wrong shape with BAD_MESSAGE naming the field", async () => {
    const client = await producer();
    client.sendOpen("s", -1);
    expect((await client.error("BAD_MESSAGE")).field).toBe("slot");
  });

  it("refuses binary frames of the wrong dimension for that stream only", async () => {
    const client = await producer();
    await client.open("wrong-dim", 1);
    await client.open("sibling", 2);
    client.sendFrames(1, new Float32Array(12 * 4), 12);
    const error = await client.error("BAD_FRAME_DIMENSION");
    expect(error.streamId).toBe("wrong-dim");
    await expectServed(client, "sibling", 2);
    await expectServed(client, "wrong-dim", 1);
  });

  it("refuses JSON frames of the wrong dimension", async () => {
    const client = await producer();
    await client.open("json-dim", 1);
    client.send({ type: "frames", streamId: "json-dim", frames: [[1, 2, 3]] });
    const error = await client.error("BAD_FRAME_DIMENSION");
    expect(error.streamId).toBe("json-dim");
    expect(error.field).toBe("frames[0]");
  });

  it("refuses a partial frame, naming the stream its header gives", async () => {
    const client = await producer();
    await client.open("partial", 1);
    await client.open("sibling-partial", 2);
    const bytes = encodeBinaryFrames({
      kind: "features",
      slot: 1,
      dimension,
      values: speechlikeFrames(0, 2),
    });
    client.sendBytes(bytes.subarray(0, bytes.byteLength - 4));
    expect((await client.error("PARTIAL_FRAME")).streamId).toBe("partial");
    await expectServed(client, "sibling-partial", 2);
  });

  it("refuses NaN and infinite values", async () => {
    const client = await producer();
    await client.open("nan", 1);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const values = speechlikeFrames(0, 3);
      values[17] = bad;
      client.sendFrames(1, values);
      expect((await client.error("NON_FINITE_VALUE")).streamId).toBe("nan");
    }
    client.send({
      type: "frames",
      streamId: "nan",
      frames: [Array.from({ length: dimension }, () => 1e39)],
    });
    await client.error("NON_FINITE_VALUE");
  });

  it("refuses a binary message without the magic or of another version", async () => {
    const client = await producer();
    client.sendBytes(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    await client.error("BAD_BINARY_FRAME");
    const bytes = encodeBinaryFrames({
      kind: "features",
      slot: 0,
      dimension,
      values: speechlikeFrames(0, 1),
    });
    bytes[2] = 9;
    client.sendBytes(bytes);
    await client.error("UNSUPPORTED_FORMAT_VERSION");
  });

  it("closes a connection that sends a message over the size limit with 1009", async () => {
    const client = await producer();
    await client.open("too-big", 1);
    client.sendFrames(1, new Float32Array(dimension * 2000));
    expect((await client.closed).code).toBe(CLOSE_CODES.messageTooBig);
    const streams = await liveStreams(test);
    expect(streams.map((s) => s.streamId)).not.toContain("too-big");
  });

  it("refuses frames before the stream is opened", async () => {
    const client = await producer();
    client.sendFrames(5, speechlikeFrames(0, 1));
    expect((await client.error("UNKNOWN_STREAM")).field).toBe("slot");
    client.send({ type: "frames", streamId: "never-opened", frames: [] });
    expect((await client.error("UNKNOWN_STREAM")).streamId).toBe("never-opened");
  });

  it("takes nothing more for a stream after its end", async () => {
    const client = await producer();
    await client.open("ended", 1);
    client.sendFrames(1, speechlikeFrames(0, windowFrames));
    client.send({ type: "end", streamId: "ended" });
    // While its last window is in flight the stream refuses with STREAM_ENDED; once summarised it is
    // unknown. Either way the late frames and the second end change nothing.
    client.send({ type: "end", streamId: "ended" });
    client.sendFrames(1, speechlikeFrames(windowFrames, 1));
    const summary = await client.next((m) => m.type === "summary");
    expect(summary).toMatchObject({ frames: windowFrames, windows: 1 });
    await client.next(() => client.messages.filter((m) => m.type === "error").length === 2);
    const codes = client.messages.flatMap((m) => (m.type === "error" ? [m.code] : []));
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(["STREAM_ENDED", "UNKNOWN_STREAM"]).toContain(code);
  });

  it("refuses more streams per connection than the limit, keeping the open ones", async () => {
    const client = await producer();
    for (const slot of [1, 2, 3]) await client.open(`limited-${slot}`, slot);
    client.sendOpen("limited-4", 4);
    expect((await client.error("STREAM_LIMIT")).streamId).toBe("limited-4");
    await expectServed(client, "limited-2", 2);
  });

  it("refuses a duplicate stream id or slot, and an unknown model", async () => {
    const client = await producer();
    await client.open("dup", 1);
    client.sendOpen("dup", 2);
    expect((await client.error("DUPLICATE_STREAM")).field).toBe("streamId");
    client.sendOpen("dup-slot", 1);
    expect((await client.error("DUPLICATE_STREAM")).field).toBe("slot");
    client.sendOpen("no-model", 3, { kind: "features" }, "nope");
    expect((await client.error("MODEL_NOT_FOUND")).field).toBe("model");
  });

  it("refuses PCM at a sample rate that cannot be handled", async () => {
    const client = await producer();
    client.sendOpen("pcm-4k", 1, { kind: "pcm", encoding: "s16le", sampleRate: 4000 });
    const error = await client.error("BAD_SAMPLE_RATE");
    expect(error.streamId).toBe("pcm-4k");
    expect(error.field).toBe("input.sampleRate");
    await client.open("pcm-after", 1, { kind: "pcm", encoding: "s16le", sampleRate: 16000 });
  });

  it("refuses PCM of the wrong encoding or with several channels", async () => {
    const client = await producer();
    await client.open("pcm", 1, { kind: "pcm", encoding: "s16le", sampleRate: 16000 });
    client.sendBytes(
      encodeBinaryFrames({ kind: "f32le", slot: 1, dimension: 1, values: new Float32Array(160) }),
    );
    expect((await client.error("BAD_BINARY_FRAME")).field).toBe("kind");
    client.sendBytes(
      encodeBinaryFrames({ kind: "s16le", slot: 1, dimension: 2, values: new Int16Array(320) }),
    );
    expect((await client.error("BAD_FRAME_DIMENSION")).streamId).toBe("pcm");
  });

  it("requires the hello first and closes a connection that skips it", async () => {
    const client = await RawClient.connect(test.server.url);
    client.sendOpen("early", 1);
    await client.error("HANDSHAKE_REQUIRED");
    expect((await client.closed).code).toBe(CLOSE_CODES.handshakeFailed);
  });

  it("refuses a protocol version it does not speak", async () => {
    const client = await RawClient.connect(test.server.url);
    client.send({ type: "hello", protocol: PROTOCOL_VERSION + 1, role: "producer" });
    await client.error("PROTOCOL_VERSION");
    expect((await client.closed).code).toBe(CLOSE_CODES.handshakeFailed);
  });

  it("refuses watcher messages from a producer and producer messages from a watcher", async () => {
    const client = await producer();
    client.send({ type: "subscribe", streams: "all" });
    await client.error("WRONG_ROLE");
    const watcher = await RawClient.hello(test.server.url, "watcher");
    clients.push(watcher);
    watcher.sendOpen("w", 1);
    await watcher.error("WRONG_ROLE");
    watcher.sendFrames(1, speechlikeFrames(0, 1));
    await watcher.next((m) => m.type === "error" && m.code === "WRONG_ROLE", 5000, 1);
  });

  it("frees every stream of a connection that drops abruptly and tells watchers", async () => {
    const watcher = await RawClient.hello(test.server.url, "watcher");
    clients.push(watcher);
    watcher.send({ type: "subscribe", streams: ["abrupt-1"] });
    await watcher.next((m) => m.type === "subscribed");
    const client = await producer();
    await client.open("abrupt-1", 1);
    await client.open("abrupt-2", 2);
    client.sendFrames(1, speechlikeFrames(0, 5));
    client.socket.terminate();
    const ended = await watcher.next((m) => m.type === "stream-ended");
    expect(ended).toMatchObject({ streamId: "abrupt-1", reason: "disconnect" });
    const streams = await liveStreams(test);
    expect(streams.map((s) => s.streamId)).toEqual(["bystander"]);
  });
});

describe("limits that need their own server", () => {
  it("closes a stream sent faster than real time beyond the factor, and only that stream", async () => {
    const test = await startTestServer({ realTimeFactor: 1 });
    try {
      const client = await RawClient.hello(test.server.url, "producer");
      await client.open("fast", 1);
      await client.open("steady", 2);
      // The allowance is one window (20 frames = 0.2 s); 30 frames at once exceed it.
      client.sendFrames(1, speechlikeFrames(0, 30));
      expect((await client.error("FASTER_THAN_REAL_TIME")).streamId).toBe("fast");
      client.sendFrames(1, speechlikeFrames(0, 1));
      expect((await client.error("UNKNOWN_STREAM")).field).toBe("slot");
      await expectServed(client, "steady", 2);
      client.close();
    } finally {
      await test.close();
    }
  });

  it("requires the role's token and closes a connection without it", async () => {
    const test = await startTestServer({ producerToken: "p-secret", watcherToken: "w-secret" });
    try {
      const anonymous = await RawClient.connect(test.server.url);
      anonymous.send({ type: "hello", protocol: PROTOCOL_VERSION, role: "producer" });
      await anonymous.error("UNAUTHORIZED");
      expect((await anonymous.closed).code).toBe(CLOSE_CODES.handshakeFailed);
      const swapped = await RawClient.connect(test.server.url);
      swapped.send({
        type: "hello",
        protocol: PROTOCOL_VERSION,
        role: "watcher",
        token: "p-secret",
      });
      await swapped.error("UNAUTHORIZED");
      const producer = await RawClient.hello(test.server.url, "producer", "p-secret");
      await producer.open("authorised", 1);
      await expectServed(producer, "authorised", 1);
      (await RawClient.hello(test.server.url, "watcher", "w-secret")).close();
      producer.close();
    } finally {
      await test.close();
    }
  });

  it("refuses an upgrade from an Origin outside the allow-list with 403", async () => {
    const test = await startTestServer({ allowedOrigins: ["https://dashboard.example"] });
    try {
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(test.server.url, {
          headers: { origin: "https://evil.example" },
        });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => resolve(101));
      });
      expect(status).toBe(403);
      (await RawClient.connect(test.server.url, { origin: "https://dashboard.example" })).close();
    } finally {
      await test.close();
    }
  });

  it("terminates a peer that stops answering pings", async () => {
    const test = await startTestServer({ pingIntervalMs: 100 });
    try {
      const silent = await RawClient.hello(test.server.url, "producer");
      await silent.open("silent", 1);
      // ws answers pings on its own; replacing pong makes this peer silent.
      silent.socket.pong = () => {};
      const { code } = await silent.closed;
      expect(code).toBe(1006);
      const streams = await liveStreams(test);
      expect(streams).toEqual([]);
    } finally {
      await test.close();
    }
  });

  it("closes a connection that never says hello", async () => {
    const test = await startTestServer({ handshakeTimeoutMs: 100 });
    try {
      const mute = await RawClient.connect(test.server.url);
      await mute.error("TIMEOUT");
      expect((await mute.closed).code).toBe(CLOSE_CODES.handshakeFailed);
    } finally {
      await test.close();
    }
  });
});
