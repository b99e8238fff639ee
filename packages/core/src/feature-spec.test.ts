import { describe, expect, expectTypeOf, it } from "vitest";
import { type FeatureSetName, type FeatureSetSpec, featureSetSpecSchema } from "./feature-spec.js";

const mfccSpec: FeatureSetSpec = {
  name: "mfcc0_12",
  sampleRate: 16_000,
  frameSizeSeconds: 0.025,
  frameStepSeconds: 0.01,
  dimension: 3,
  columns: ["mfcc0", "mfcc1", "mfcc2"],
  params: { preEmphasis: 0.97, window: "hamming", htkCompatible: true },
};

describe("featureSetSpecSchema", () => {
  it("accepts a complete spec unchanged", () => {
    expect(featureSetSpecSchema.parse(mfccSpec)).toEqual(mfccSpec);
  });

  it("rejects a spec whose columns disagree with its dimension, at the columns path", () => {
    const result = featureSetSpecSchema.safeParse({ ...mfccSpec, dimension: 4 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["columns"]);
  });

  it("rejects unknown set names and non-positive rates", () => {
    expect(featureSetSpecSchema.safeParse({ ...mfccSpec, name: "mfcc" }).success).toBe(false);
    expect(featureSetSpecSchema.safeParse({ ...mfccSpec, sampleRate: 0 }).success).toBe(false);
    expect(featureSetSpecSchema.safeParse({ ...mfccSpec, params: { x: null } }).success).toBe(
      false,
    );
  });

  it("types the spec as the contract states", () => {
    expectTypeOf<FeatureSetName>().toEqualTypeOf<
      | "mfcc0_12"
      | "mfcc0_12_d_a"
      | "is09_lld"
      | "is09_prosody_formants"
      | "is09"
      | "egemaps_v02_lld"
      | "egemaps_v02"
      | "egemaps_v02_is09"
      | "compare16_lld"
      | "compare16"
    >();
    expectTypeOf<FeatureSetSpec>().toEqualTypeOf<{
      name: FeatureSetName;
      level?: "lld" | "functionals" | undefined;
      sampleRate: number;
      frameSizeSeconds: number;
      frameStepSeconds: number;
      dimension: number;
      columns: string[];
      params: Record<string, number | string | boolean>;
    }>();
  });
});
