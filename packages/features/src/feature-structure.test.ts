import { describe, expect, it } from "vitest";
import { staticDimension } from "./feature-structure.js";
import { getFeatureSet } from "./sets/registry.js";

describe("staticDimension", () => {
  it("finds the statics of sets with deltas from their column names", () => {
    expect(staticDimension(getFeatureSet("mfcc0_12_d_a").spec)).toBe(13);
    expect(staticDimension(getFeatureSet("is09_lld").spec)).toBe(16);
    expect(staticDimension(getFeatureSet("is09_prosody_formants").spec)).toBe(10);
  });

  it("is the whole dimension for sets without deltas", () => {
    expect(staticDimension(getFeatureSet("mfcc0_12").spec)).toBe(13);
    expect(staticDimension(getFeatureSet("egemaps_v02_lld").spec)).toBe(25);
    expect(staticDimension(getFeatureSet("egemaps_v02").spec)).toBe(88);
  });
});
