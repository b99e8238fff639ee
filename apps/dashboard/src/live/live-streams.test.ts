import type { PredictionMessage, StreamInfo } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { LiveStreams } from "./live-streams.js";

function info(streamId: string, startedAt: number): StreamInfo {
  return { streamId, model: "paper-en", input: { kind: "features" }, startedAt };
}

function prediction(streamId: string, window: number): PredictionMessage {
  return {
    type: "prediction",
    streamId,
    model: "paper-en",
    window,
    start: window * 0.5,
    end: window * 0.5 + 3,
    probabilities: [0.7, 0.1, 0.1, 0.1],
    top: "joy",
    valence: 0.6,
    arousal: 0.6,
    latencyMs: 3,
  };
}

const summary = (streamId: string) => ({
  type: "summary" as const,
  streamId,
  model: "paper-en",
  windows: 1,
  frames: 300,
  durationSeconds: 3,
  probabilities: null,
  top: null,
  valence: null,
  arousal: null,
});

describe("LiveStreams", () => {
  it("lists started streams newest first and counts their predictions", () => {
    const live = new LiveStreams();
    live.apply({ type: "stream-started", stream: info("a", 1) });
    live.apply({ type: "stream-started", stream: info("b", 2) });
    live.apply(prediction("a", 0));
    live.apply(prediction("a", 1));
    expect(live.list().map((stream) => stream.info.streamId)).toEqual(["b", "a"]);
    expect(live.get("a")?.predictions).toBe(2);
    expect(live.get("a")?.latest?.window).toBe(1);
    expect(live.get("a")?.history.length).toBe(2);
  });

  it("ignores predictions of streams it was never told about", () => {
    const live = new LiveStreams();
    expect(live.apply(prediction("ghost", 0))).toBe(false);
    expect(live.list()).toEqual([]);
  });

  it("lists ended streams after live ones and forgets the oldest beyond keepEnded", () => {
    const live = new LiveStreams({ keepEnded: 1 });
    for (const [id, at] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const) {
      live.apply({ type: "stream-started", stream: info(id, at) });
    }
    live.apply({ type: "stream-ended", streamId: "c", reason: "end", summary: summary("c") });
    expect(live.list().map((stream) => [stream.info.streamId, stream.ended])).toEqual([
      ["b", undefined],
      ["a", undefined],
      ["c", "end"],
    ]);
    live.apply({
      type: "stream-ended",
      streamId: "a",
      reason: "disconnect",
      summary: summary("a"),
    });
    expect(live.get("c")).toBeUndefined();
    expect(live.get("a")?.ended).toBe("disconnect");
  });

  it("on a new subscription marks streams that vanished as disconnected and adds new ones", () => {
    const live = new LiveStreams();
    live.apply({ type: "stream-started", stream: info("gone", 1) });
    live.apply({ type: "stream-started", stream: info("kept", 2) });
    live.apply(prediction("kept", 0));
    live.apply({ type: "subscribed", streams: [info("kept", 2), info("new", 3)] });
    expect(live.get("gone")?.ended).toBe("disconnect");
    expect(live.get("kept")?.predictions).toBe(1);
    expect(live.get("new")?.ended).toBeUndefined();
  });

  it("starts a fresh stream when an ended stream's id is reused", () => {
    const live = new LiveStreams();
    live.apply({ type: "stream-started", stream: info("a", 1) });
    live.apply(prediction("a", 0));
    live.apply({ type: "stream-ended", streamId: "a", reason: "end", summary: summary("a") });
    live.apply({ type: "stream-started", stream: info("a", 5) });
    expect(live.get("a")?.ended).toBeUndefined();
    expect(live.get("a")?.predictions).toBe(0);
  });
});
