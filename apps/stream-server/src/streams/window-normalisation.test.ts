import { describe, expect, it } from "vitest";
import { PRIOR_SECONDS, windowNormalisationOf } from "./window-normalisation.js";

const statistics = { mean: [1, 2], std: [4, 0.5] };

describe("window normalisation of a card", () => {
  it("normalises per-speaker and per-corpus cards per stream, from N0 = PRIOR_SECONDS of pooled frames", () => {
    for (const kind of ["per-speaker", "per-corpus"] as const) {
      expect(windowNormalisationOf({ kind, ...statistics, groups: {} }, 2, 0.01)).toEqual({
        kind: "per-stream",
        prior: {
          mean: Float64Array.of(1, 2),
          std: Float64Array.of(4, 0.5),
          frames: Math.round(PRIOR_SECONDS / 0.01),
        },
      });
    }
  });

  it("applies a global card's statistics and leaves none and per-frame-l2 as they were", () => {
    expect(windowNormalisationOf({ kind: "global", ...statistics }, 2, 0.01)).toEqual({
      kind: "affine",
      shift: Float32Array.of(1, 2),
      scale: Float32Array.of(0.25, 2),
    });
    expect(windowNormalisationOf({ kind: "none" }, 2, 0.01)).toEqual({
      kind: "affine",
      shift: Float32Array.of(0, 0),
      scale: Float32Array.of(1, 1),
    });
    expect(windowNormalisationOf({ kind: "per-frame-l2" }, 2, 0.01)).toEqual({ kind: "unit-norm" });
  });
});
