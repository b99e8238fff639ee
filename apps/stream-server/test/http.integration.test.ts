import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RawClient,
  speechlikeFrames,
  startTestServer,
  TEST_GEOMETRY,
  type TestServer,
} from "./helpers/test-server.js";

describe("HTTP beside the WebSocket", () => {
  let test: TestServer;
  let base: string;
  beforeAll(async () => {
    test = await startTestServer();
    base = `http://127.0.0.1:${test.server.port}`;
  });
  afterAll(async () => test.close());

  it("reports health, readiness and the models with their cards", async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const models = await (await fetch(`${base}/models`)).json();
    expect(models).toMatchObject([
      {
        id: "tiny",
        version: 1,
        cardSource: "metadata_props",
        card: { format: "emotion-stream/model-card", window: { windowFrames: 20 } },
      },
    ]);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it("lists live streams and counts frames, windows, batches, latency and errors in Prometheus text", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("metered", 3);
    client.sendFrames(3, speechlikeFrames(0, TEST_GEOMETRY.windowFrames));
    await client.next((m) => m.type === "prediction");
    client.send("not json");
    await client.error("BAD_MESSAGE");
    expect(await (await fetch(`${base}/streams`)).json()).toMatchObject([
      { streamId: "metered", model: "tiny", input: { kind: "features" } },
    ]);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^emotion_stream_streams 1$/m);
    expect(text).toMatch(/^emotion_stream_frames_total 20$/m);
    expect(text).toMatch(/^emotion_stream_windows_total 1$/m);
    expect(text).toMatch(/^emotion_stream_batch_size_count 1$/m);
    expect(text).toMatch(/^emotion_stream_prediction_latency_seconds_count 1$/m);
    expect(text).toMatch(/^emotion_stream_errors_total\{code="BAD_MESSAGE"\} 1$/m);
    client.close();
  });
});
