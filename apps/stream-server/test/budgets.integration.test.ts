// The server's bounds under load from one client, over real sockets: a connection flooding costly
// messages is read no faster than its main-thread share (nothing it sent is lost, a bystander keeps
// being served), converters for resampled PCM are capped per connection and per server and reused,
// and connections past the server's limit are refused at the upgrade.
import { describe, expect, it } from "vitest";
import { RawClient, rawHttpStatus } from "./helpers/raw-client.js";
import {
  speechlikeFrames,
  TEST_GEOMETRY,
  type TestServer,
  useTestServer,
} from "./helpers/test-server.js";

const { windowFrames, dimension } = TEST_GEOMETRY;

async function metric(test: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${test.httpUrl}/metrics`)).text();
  const match = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  if (match === null) throw new Error(`no metric ${name}`);
  return Number(match[1]);
}

describe("a connection's share of the main thread", () => {
  // At most 100 ms of message handling a second for everyone together; messages up to 4 MB.
  const test = useTestServer({ mainThreadTarget: 0.1, maxPayloadBytes: 4 * 1024 * 1024 });

  it("holds a connection flooding costly messages to its share, losing none, while a bystander is served", async () => {
    const bystander = await RawClient.hello(test.server.url, "producer");
    await bystander.open("bystander", 0);
    const flood = await RawClient.hello(test.server.url, "producer");
    // Each message is ~2.8 MB of JSON for a stream that is not open: parsed and validated (tens of
    // ms of the main thread), then refused with UNKNOWN_STREAM.
    const costly = JSON.stringify({
      type: "frames",
      streamId: "nowhere",
      frames: Array.from({ length: 16_000 }, (_, t) =>
        Array.from({ length: dimension }, (_, d) => Math.sin(t + d) * 123.456789),
      ),
    });
    const sent = 6;
    const answered = () => flood.messages.filter((m) => m.type === "error").length;
    for (let i = 0; i < sent; i++) flood.send(costly);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Unthrottled, all six take well under a second; at 100 ms a second, two or three.
    expect(answered()).toBeLessThanOrEqual(4);
    expect(await metric(test, "emotion_stream_read_pauses_total")).toBeGreaterThan(0);
    const from = bystander.messages.length;
    bystander.sendFrames(0, speechlikeFrames(0, windowFrames));
    await bystander.next((m) => m.type === "prediction", 5000, from);
    // Held back, not dropped: every message is answered in the end (slower on a loaded machine,
    // where each message costs more of the same share).
    await flood.next(() => answered() === sent, 80_000);
    expect(flood.messages.every((m) => m.type !== "error" || m.code === "UNKNOWN_STREAM")).toBe(
      true,
    );
    flood.close();
    bystander.close();
  }, 100_000);
});

describe("converters for resampled PCM", () => {
  const test = useTestServer({ maxResampledStreams: 3, maxResampledStreamsPerConnection: 2 });

  const pcm = (sampleRate: number) => ({ kind: "pcm", encoding: "f32le", sampleRate });

  it("caps them per connection and per server, and reuses a closed stream's converter", async () => {
    const first = await RawClient.hello(test.server.url, "producer");
    await first.open("a", 1, pcm(48_000));
    await first.open("b", 2, pcm(44_100));
    first.sendOpen("c", 3, pcm(8000));
    expect(await first.error("STREAM_LIMIT")).toMatchObject({ streamId: "c" });
    // At the model's own rate no converter is needed: not counted.
    await first.open("native", 4, pcm(16_000));
    const second = await RawClient.hello(test.server.url, "producer");
    await second.open("d", 1, pcm(22_050));
    second.sendOpen("e", 2, pcm(96_000));
    expect(await second.error("STREAM_LIMIT")).toMatchObject({ streamId: "e" });
    expect(await metric(test, "emotion_stream_resampled_streams")).toBe(3);
    first.send({ type: "end", streamId: "a" });
    await first.next((m) => m.type === "summary" && m.streamId === "a");
    await second.open("e", 2, pcm(96_000));
    first.close();
    second.close();
    await first.closed;
    await second.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await metric(test, "emotion_stream_resampled_streams")).toBe(0);
    // Open-and-close churn never makes more converters than the cap.
    const churn = await RawClient.hello(test.server.url, "producer");
    for (let round = 0; round < 5; round++) {
      await churn.open(`churn-${round}-x`, 1, pcm(48_000));
      await churn.open(`churn-${round}-y`, 2, pcm(32_000));
      for (const id of [`churn-${round}-x`, `churn-${round}-y`]) {
        churn.send({ type: "end", streamId: id });
        await churn.next((m) => m.type === "summary" && m.streamId === id);
      }
    }
    expect(churn.messages.some((m) => m.type === "error")).toBe(false);
    churn.close();
  });
});

describe("connections past the server's limit", () => {
  const test = useTestServer({ maxConnections: 2 });

  it("are refused at the upgrade with 503, and taken again once one closes", async () => {
    const one = await RawClient.hello(test.server.url, "producer");
    const two = await RawClient.connect(test.server.url);
    await expect(RawClient.connect(test.server.url)).rejects.toThrow(/503/);
    two.close();
    await two.closed;
    // A handshake ws refuses itself (no key) does not keep the place it took.
    const refused = await rawHttpStatus(
      test.server.port,
      "GET / HTTP/1.1\r\nhost: x\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\n",
    );
    expect(refused).toMatch(/^HTTP\/1\.1 400 /);
    const three = await RawClient.hello(test.server.url, "watcher");
    one.close();
    three.close();
  });
});
