import { describe, expect, it } from "vitest";
import { PredictionHistory } from "./prediction-history.js";

function sample(end: number, valence = 0, latencyMs = 1) {
  return { end, probabilities: [0.1, 0.2, 0.3, 0.4], valence, arousal: -valence, latencyMs };
}

describe("PredictionHistory", () => {
  it("keeps at most its capacity, dropping the oldest", () => {
    const history = new PredictionHistory(3);
    for (const end of [1, 2, 3, 4, 5]) history.push(sample(end));
    expect(history.length).toBe(3);
    expect(history.timeline(100).map((point) => point.time)).toEqual([3, 4, 5]);
  });

  it("returns only the last `seconds` of stream time, oldest first", () => {
    const history = new PredictionHistory(500);
    for (let end = 0.5; end <= 90; end += 0.5) history.push(sample(end));
    const timeline = history.timeline(60);
    expect(timeline[0]?.time).toBe(30);
    expect(timeline.at(-1)?.time).toBe(90);
    expect(timeline).toHaveLength(121);
  });

  it("names each class probability in canonical order", () => {
    const history = new PredictionHistory(2);
    history.push(sample(1));
    const [point] = history.timeline(60);
    expect(point?.joy).toBeCloseTo(0.1, 6);
    expect(point?.anger).toBeCloseTo(0.2, 6);
    expect(point?.sadness).toBeCloseTo(0.3, 6);
    expect(point?.pleasure).toBeCloseTo(0.4, 6);
  });

  it("ranks trajectory points from oldest (0) to newest (1)", () => {
    const history = new PredictionHistory(10);
    for (const [end, valence] of [
      [1, 0.5],
      [2, -0.25],
      [3, 0],
    ] as const)
      history.push(sample(end, valence));
    expect(history.trajectory(60)).toEqual([
      { valence: 0.5, arousal: -0.5, recency: 0 },
      { valence: -0.25, arousal: 0.25, recency: 0.5 },
      { valence: 0, arousal: -0, recency: 1 },
    ]);
  });

  it("summarises latency over the window and has none when empty", () => {
    const history = new PredictionHistory(10);
    expect(history.latency(60)).toBeUndefined();
    history.push(sample(1, 0, 2));
    history.push(sample(2, 0, 6));
    expect(history.latency(60)).toEqual({ meanMs: 4, maxMs: 6 });
  });
});
