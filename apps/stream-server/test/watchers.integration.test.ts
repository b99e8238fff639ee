import { describe, expect, it } from "vitest";
import { RawClient } from "./helpers/raw-client.js";
import { speechlikeFrames, TEST_GEOMETRY, useTestServer } from "./helpers/test-server.js";

const { windowFrames } = TEST_GEOMETRY;

describe("watchers", () => {
  const test = useTestServer();

  it("see live streams, their start, every prediction and their end, for all or chosen streams", async () => {
    const producer = await RawClient.hello(test.server.url, "producer");
    await producer.open("early", 1);
    const all = await RawClient.hello(test.server.url, "watcher");
    all.send({ type: "subscribe", streams: "all" });
    const subscribed = await all.next((m) => m.type === "subscribed");
    expect(subscribed).toMatchObject({
      streams: [{ streamId: "early", model: "tiny", input: { kind: "features" } }],
    });
    const chosen = await RawClient.hello(test.server.url, "watcher");
    chosen.send({ type: "subscribe", streams: ["late"] });
    await chosen.next((m) => m.type === "subscribed");

    await producer.open("late", 2);
    expect(await all.next((m) => m.type === "stream-started")).toMatchObject({
      stream: { streamId: "late" },
    });
    producer.sendFrames(1, speechlikeFrames(0, windowFrames));
    producer.sendFrames(2, speechlikeFrames(0, windowFrames));
    const early = await producer.next((m) => m.type === "prediction" && m.streamId === "early");
    expect(await all.next((m) => m.type === "prediction" && m.streamId === "early")).toEqual(early);
    await all.next((m) => m.type === "prediction" && m.streamId === "late");
    await chosen.next((m) => m.type === "prediction" && m.streamId === "late");
    producer.send({ type: "end", streamId: "late" });
    const summary = await producer.next((m) => m.type === "summary");
    expect(await chosen.next((m) => m.type === "stream-ended")).toEqual({
      type: "stream-ended",
      streamId: "late",
      reason: "end",
      summary,
    });
    expect(chosen.messages.filter((m) => "streamId" in m && m.streamId === "early")).toEqual([]);

    all.send({ type: "unsubscribe", streams: "all" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = all.messages.length;
    producer.sendFrames(1, speechlikeFrames(windowFrames, windowFrames));
    await producer.next((m) => m.type === "prediction" && m.streamId === "early" && m.window > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(all.messages.length).toBe(before);
    for (const client of [producer, all, chosen]) client.close();
  });
});
