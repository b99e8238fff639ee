import type { FeatureMatrix } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache.js";

/** 4 bytes per frame (dimension 1). */
const matrix = (frames: number): FeatureMatrix => ({
  frames,
  dimension: 1,
  data: new Float32Array(frames),
});

function counting(sizes: Record<string, number>) {
  const loads: string[] = [];
  const load = async (key: string) => {
    loads.push(key);
    return matrix(sizes[key] ?? 1);
  };
  return { loads, load };
}

describe("read cache", () => {
  it("serves a resident utterance at once, and concurrent asks share one read", async () => {
    const { loads, load } = counting({ a: 2 });
    const read = createReadCache(load, 64);
    const first = read("a");
    const second = read("a");
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    const loaded = await first;
    expect(read("a")).toBe(loaded);
    expect(loads).toEqual(["a"]);
  });

  it("evicts the least recently used utterances to stay within its byte budget", async () => {
    const { loads, load } = counting({ a: 4, b: 4, c: 4 });
    const read = createReadCache(load, 32);
    await read("a");
    await read("b");
    read("a");
    await read("c");
    expect(read("a")).not.toBeInstanceOf(Promise);
    expect(read("c")).not.toBeInstanceOf(Promise);
    await read("b");
    expect(loads).toEqual(["a", "b", "c", "b"]);
  });

  it("never keeps an utterance larger than the budget, and retries a failed read", async () => {
    let fail = true;
    const read = createReadCache(async (key: string) => {
      if (key === "bad" && fail) throw new Error("disk");
      return matrix(key === "big" ? 100 : 1);
    }, 64);
    await read("big");
    expect(read("big")).toBeInstanceOf(Promise);
    await expect(read("bad")).rejects.toThrow("disk");
    fail = false;
    await expect(read("bad")).resolves.toMatchObject({ frames: 1 });
  });
});
