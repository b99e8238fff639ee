import { describe, expect, it } from "vitest";
import { pacedChunks } from "./feature-pacer.js";

describe("pacedChunks", () => {
  const features = {
    frames: 25,
    dimension: 2,
    data: Float32Array.from({ length: 50 }, (_, index) => index),
  };

  it("cuts whole frames into chunks timed by the frame step", () => {
    const chunks = pacedChunks(features, 0.01, 10);
    expect(chunks.map((chunk) => chunk.atMs)).toEqual([0, 100, 200]);
    expect(chunks.map((chunk) => chunk.values.length)).toEqual([20, 20, 10]);
    expect(chunks[1]?.values[0]).toBe(20);
  });

  it("sends every value exactly once", () => {
    const sent = pacedChunks(features, 0.01, 7).flatMap((chunk) => [...chunk.values]);
    expect(sent).toEqual([...features.data]);
  });

  it("has nothing to send for no frames", () => {
    expect(pacedChunks({ frames: 0, dimension: 13, data: new Float32Array() }, 0.01, 10)).toEqual(
      [],
    );
  });
});
