import { featureSetSpecSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { extractFeatures } from "../extract-features.js";
import { featureRow } from "../feature-matrix.js";
import { availableFeatureSets, getFeatureSet } from "./registry.js";

describe("feature set registry", () => {
  it("finds the MFCC sets by name and lists known names for an unknown one", () => {
    expect(getFeatureSet("mfcc0_12").name).toBe("mfcc0_12");
    expect(availableFeatureSets()).toEqual(expect.arrayContaining(["mfcc0_12", "mfcc0_12_d_a"]));
    expect(() => getFeatureSet("mfcc")).toThrow(
      expect.objectContaining({
        code: "UNKNOWN_FEATURE_SET",
        details: expect.objectContaining({ allowed: availableFeatureSets() }),
      }),
    );
  });

  it.each(availableFeatureSets())("%s has a valid spec at 16 kHz and at other rates", (name) => {
    const set = getFeatureSet(name);
    expect(featureSetSpecSchema.parse(set.spec)).toEqual(set.spec);
    expect(set.spec.sampleRate).toBe(16000);
    expect(set.specFor(8000).sampleRate).toBe(8000);
    expect(set.createExtractor(16000).dimension).toBe(set.spec.dimension);
  });

  it("names mfcc0_12_d_a's parameters as MFCC12_0_D_A.conf does", () => {
    const { params } = getFeatureSet("mfcc0_12_d_a").spec;
    expect(params).toMatchObject({
      "melspec.hifreq": 8000,
      "melspec.usePower": 1,
      "mfcc.htkcompatible": 1,
      "delta.deltawin": 2,
      "accel.deltawin": 2,
    });
  });
});

describe("silence handling", () => {
  const silence = new Float32Array(16000);

  it("mfcc0_12 floors digital zeros at 1e-8: c0 = -132.8334, the rest ~0", () => {
    const features = extractFeatures("mfcc0_12", silence, 16000);
    expect(features.frames).toBe(98);
    const row = featureRow(features, 50);
    expect(row[0]).toBeCloseTo(-132.8334, 3);
    for (const value of row.subarray(1)) expect(Math.abs(value)).toBeLessThan(1e-4);
  });

  it("mfcc0_12_d_a (htkcompatible floor 1.0) gives exact zeros", () => {
    const features = extractFeatures("mfcc0_12_d_a", silence, 16000);
    expect(features.dimension).toBe(39);
    expect(features.data.every((value) => value === 0)).toBe(true);
  });
});

describe("HTK coefficient order", () => {
  it("puts c0 last in mfcc0_12_d_a and first in mfcc0_12", () => {
    const tone = Float32Array.from({ length: 4000 }, (_, t) => 0.5 * Math.sin(t / 3));
    const htk = featureRow(extractFeatures("mfcc0_12_d_a", tone, 16000), 5);
    const plain = featureRow(extractFeatures("mfcc0_12", tone, 16000), 5);
    // c0 is the largest coefficient of a loud frame in both layouts.
    expect(Math.max(...htk.subarray(0, 13))).toBe(htk[12]);
    expect(Math.max(...plain)).toBe(plain[0]);
  });
});
