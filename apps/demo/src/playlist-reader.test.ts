import { describe, expect, it } from "vitest";
import type { HeldOutUtterance } from "./held-out-utterances.js";
import { PlaylistReader } from "./playlist-reader.js";

const utterance = (path: string): HeldOutUtterance => ({ path, speaker: "s", emotion: "angry" });

/** Waits until the reader has settled its pending reads. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("playlist reader", () => {
  it("plays the files in order, loops, and skips (and reports) one it cannot read", async () => {
    const skipped: string[] = [];
    const reader = new PlaylistReader(
      [utterance("a"), utterance("bad"), utterance("c")],
      async ({ path }) => {
        if (path === "bad") throw new Error("not a WAV");
        return Float32Array.of(path.charCodeAt(0));
      },
      ({ path }) => skipped.push(path),
    );
    const played: number[] = [];
    for (let i = 0; i < 4; i++) {
      await settle();
      played.push(reader.current()?.[0] ?? -1);
      reader.advance();
    }
    expect(played.map((code) => String.fromCharCode(code))).toEqual(["a", "c", "a", "c"]);
    expect(skipped).toEqual(["bad", "bad"]);
  });

  it("keeps at most two files decoded and stops trying when no file can be read", async () => {
    let reads = 0;
    const loader = new PlaylistReader(
      [utterance("a"), utterance("b"), utterance("c")],
      async () => {
        reads += 1;
        return new Float32Array(1);
      },
      () => {},
    );
    await settle();
    expect(reads).toBe(2);
    expect(loader.current()).toBeDefined();

    let failures = 0;
    const hopeless = new PlaylistReader(
      [utterance("x"), utterance("y")],
      async () => {
        throw new Error("unreadable");
      },
      () => {
        failures += 1;
      },
    );
    await settle();
    expect(failures).toBe(2);
    expect(hopeless.current()).toBeUndefined();
  });
});
