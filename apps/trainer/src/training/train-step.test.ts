import { describe, expect, it } from "vitest";
import { splitBatch } from "./train-step.js";

describe("splitBatch", () => {
  it("cuts a batch into contiguous shards of near-equal size covering every window once", () => {
    const batch = {
      size: 5,
      frames: 2,
      dimension: 1,
      values: Float32Array.from({ length: 12 }, (_, i) => i),
      labels: Int32Array.from([0, 1, 2, 3, 0, 9]),
    };
    const shards = splitBatch(batch, 2);
    expect(shards.map((shard) => shard.size)).toEqual([2, 3]);
    expect(shards.map((shard) => Array.from(shard.values))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7, 8, 9],
    ]);
    expect(shards.map((shard) => Array.from(shard.labels))).toEqual([
      [0, 1],
      [2, 3, 0],
    ]);
  });

  it("leaves out empty shards when there are more parts than windows", () => {
    const batch = {
      size: 1,
      frames: 1,
      dimension: 1,
      values: new Float32Array([7]),
      labels: new Int32Array([2]),
    };
    expect(splitBatch(batch, 3).map((shard) => shard.size)).toEqual([1]);
  });
});
