import { featureSetSpecSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { CANONICAL_SAMPLE_RATE, specAtEveryRate } from "./spec-at-every-rate.js";

const description = {
  name: "mfcc0_12",
  frameSizeSeconds: 0.025,
  frameStepSeconds: 0.01,
  columns: ["a", "b"],
  params: { "frame.frameSize": 0.025 },
} as const;

describe("specAtEveryRate", () => {
  it("gives the spec at 16 kHz and at any rate, only sampleRate changing", () => {
    const { name, spec, specFor } = specAtEveryRate(description);
    expect(name).toBe("mfcc0_12");
    expect(spec).toEqual(specFor(CANONICAL_SAMPLE_RATE));
    expect(specFor(8000)).toEqual({ ...spec, sampleRate: 8000 });
    expect(featureSetSpecSchema.parse(spec)).toEqual({
      ...description,
      sampleRate: 16000,
      dimension: 2,
    });
  });

  it("writes a level only where the set has one, in the spec's key order", () => {
    expect("level" in specAtEveryRate(description).spec).toBe(false);
    const { spec } = specAtEveryRate({ ...description, level: "lld" });
    expect(Object.keys(spec)).toEqual([
      "name",
      "level",
      "sampleRate",
      "frameSizeSeconds",
      "frameStepSeconds",
      "dimension",
      "columns",
      "params",
    ]);
  });

  it("hands out copies: a caller cannot change the set's columns or params", () => {
    const { spec, specFor } = specAtEveryRate(description);
    spec.columns.push("c");
    spec.params.extra = 1;
    expect(specFor(16000).columns).toEqual(["a", "b"]);
    expect(specFor(16000).params).toEqual({ "frame.frameSize": 0.025 });
  });
});
