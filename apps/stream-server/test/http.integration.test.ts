import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { modelsAnswerSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import {
  liveStreams,
  speechlikeFrames,
  TEST_GEOMETRY,
  useTestServer,
} from "./helpers/test-server.js";

describe("HTTP beside the WebSocket", () => {
  const test = useTestServer();

  it("reports health, readiness and the models with their cards", async () => {
    expect(await (await fetch(`${test.httpUrl}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${test.httpUrl}/readyz`)).status).toBe(200);
    const models = modelsAnswerSchema.parse(await (await fetch(`${test.httpUrl}/models`)).json());
    expect(models).toMatchObject([
      {
        id: "tiny",
        version: 1,
        cardSource: "metadata_props",
        card: { format: "emotion-stream/model-card", window: { windowFrames: 20 } },
      },
    ]);
    expect((await fetch(`${test.httpUrl}/nowhere`)).status).toBe(404);
  });

  it("lists live streams and counts frames, windows, batches, latency and errors in Prometheus text", async () => {
    const client = await RawClient.hello(test.server.url, "producer");
    await client.open("metered", 3);
    client.sendFrames(3, speechlikeFrames(0, TEST_GEOMETRY.windowFrames));
    await client.next((m) => m.type === "prediction");
    client.send("not json");
    await client.error("BAD_MESSAGE");
    expect(await liveStreams(test)).toMatchObject([
      { streamId: "metered", model: "tiny", input: { kind: "features" } },
    ]);
    const response = await fetch(`${test.httpUrl}/metrics`);
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

  it("reports resident memory and each thread's heap, with the heap left after a major GC", async () => {
    // A major GC of this process's main thread (the server runs in it) so the after-GC gauge is set.
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const value = (text: string, series: string) =>
      Number(new RegExp(`^emotion_stream_${series} (\\S+)$`, "m").exec(text)?.[1]);
    // The inference worker reports its heap every 2 s.
    let text = "";
    for (let waited = 0; waited < 5000 && !text.includes('thread="inference-0"'); waited += 100) {
      text = await (await fetch(`${test.httpUrl}/metrics`)).text();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rss = value(text, "resident_memory_bytes");
    expect(rss).toBeGreaterThan(20e6);
    expect(rss).toBeLessThan(8e9);
    const afterGc = value(text, 'heap_used_after_major_gc_bytes\\{thread="main"\\}');
    const heapTotal = value(text, 'heap_total_bytes\\{thread="main"\\}');
    expect(afterGc).toBeGreaterThan(1e6);
    expect(afterGc).toBeLessThan(heapTotal);
    expect(value(text, 'major_gcs_total\\{thread="main"\\}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'array_buffers_bytes\\{thread="main"\\}')).toBeGreaterThan(0);
    const workerHeap = value(text, 'heap_used_bytes\\{thread="inference-0"\\}');
    expect(workerHeap).toBeGreaterThan(1e6);
    expect(workerHeap).toBeLessThan(rss);
    // NaN until the worker's first major GC, which an idle worker may not have had.
    expect(text).toMatch(
      /^emotion_stream_heap_used_after_major_gc_bytes\{thread="inference-0"\} (NaN|\d+)$/m,
    );
  });
});
