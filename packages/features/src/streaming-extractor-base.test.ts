import { describe, expect, it } from "vitest";
import type { FeatureMatrix } from "./feature-matrix.js";
import { StreamingExtractorBase } from "./streaming-extractor-base.js";

/** One row per chunk (its length), and a row of -1 at the end. */
class ChunkLengths extends StreamingExtractorBase {
  readonly dimension = 1;
  readonly delayFrames = 0;

  protected accept(chunk: Float32Array): FeatureMatrix {
    return { frames: 1, dimension: 1, data: Float32Array.of(chunk.length) };
  }

  protected finish(): FeatureMatrix {
    return { frames: 1, dimension: 1, data: Float32Array.of(-1) };
  }
}

describe("StreamingExtractorBase", () => {
  it("gives a chunk's rows, then the end's rows once", () => {
    const extractor = new ChunkLengths();
    expect(Array.from(extractor.push(new Float32Array(3)).data)).toEqual([3]);
    expect(Array.from(extractor.end().data)).toEqual([-1]);
    expect(extractor.end()).toEqual({ frames: 0, dimension: 1, data: new Float32Array(0) });
  });

  it("refuses samples after end() with STREAM_ENDED", () => {
    const extractor = new ChunkLengths();
    extractor.end();
    expect(() => extractor.push(new Float32Array(1))).toThrow(
      expect.objectContaining({ code: "STREAM_ENDED" }),
    );
  });
});
