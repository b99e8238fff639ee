import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../../test/shared-data.js";
import type { FrameLevelFeatures } from "./frame-level-features.js";
import { formatOpenSmileArff, parseOpenSmileArff } from "./opensmile-arff.js";
import { formatOpenSmileCsv, parseOpenSmileCsv } from "./opensmile-csv.js";

const frameLevelFeatures = fc
  .record({
    dimension: fc.integer({ min: 1, max: 8 }),
    frames: fc.integer({ min: 0, max: 12 }),
    name: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
  })
  .chain(({ dimension, frames, name }) =>
    fc
      .array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
        minLength: frames * dimension,
        maxLength: frames * dimension,
      })
      .map(
        (values): FrameLevelFeatures => ({
          columns: Array.from({ length: dimension }, (_, c) => `feature[${c}]`),
          names: new Array(frames).fill(name),
          frameTimes: Float64Array.from({ length: frames }, (_, n) => n * 0.01),
          classes: new Array(frames).fill("unassigned"),
          features: { frames, dimension, data: Float32Array.from(values) },
        }),
      ),
  );

/** %e keeps 7 significant digits, and parsing rounds to float32 once more. */
function expectSameFeatures(actual: FrameLevelFeatures, expected: FrameLevelFeatures): void {
  expect(actual.columns).toEqual(expected.columns);
  expect(actual.names).toEqual(expected.names);
  expect(actual.features.frames).toBe(expected.features.frames);
  expected.features.data.forEach((value, index) => {
    const tolerance = Math.max(Math.abs(value) * 6.5e-7, 1e-30);
    expect(Math.abs((actual.features.data[index] ?? Number.NaN) - value)).toBeLessThanOrEqual(
      tolerance,
    );
  });
  expected.frameTimes?.forEach((time, index) => {
    expect(actual.frameTimes?.[index]).toBeCloseTo(time, 6);
  });
}

describe("openSMILE CSV", () => {
  it("round-trips frame-level features", () => {
    fc.assert(
      fc.property(frameLevelFeatures, ({ classes: _, ...features }) => {
        expectSameFeatures(parseOpenSmileCsv(formatOpenSmileCsv(features)), features);
      }),
    );
  });

  it("prints whole numbers with %.0f and the rest with %e, as cCsvSink does", () => {
    const values = [2, -0, Infinity, Number.NaN, 0.5, -1234566.5];
    const features: FrameLevelFeatures = {
      columns: values.map((_, c) => `f${c}`),
      names: ["utt"],
      frameTimes: Float64Array.of(0.01),
      features: { frames: 1, dimension: values.length, data: Float32Array.from(values) },
    };
    expect(formatOpenSmileCsv(features).split("\n")[1]).toBe(
      "'utt';0.010000;2;-0;inf;nan;5.000000e-01;-1.234566e+06",
    );
  });

  it("reports a malformed cell with BAD_FEATURE_FILE and its line and column", () => {
    const text = "name;frameTime;a;b\n'x';0.000000;1.0;2.0\n'x';0.010000;oops;2.0\n";
    expect(() => parseOpenSmileCsv(text, "bad.csv")).toThrow(
      expect.objectContaining({
        code: "BAD_FEATURE_FILE",
        details: expect.objectContaining({ file: "bad.csv", line: 3, field: "a" }),
      }),
    );
    expect(() => parseOpenSmileCsv("frameTime;a\n", "nohead.csv")).toThrow(
      expect.objectContaining({ code: "BAD_FEATURE_FILE" }),
    );
  });
});

describe("openSMILE ARFF", () => {
  it("round-trips frame-level features with classes", () => {
    fc.assert(
      fc.property(frameLevelFeatures, (features) => {
        const parsed = parseOpenSmileArff(formatOpenSmileArff(features));
        expectSameFeatures(parsed, features);
        expect(parsed.classes).toEqual(features.classes);
      }),
    );
  });

  it("reports a short row with BAD_FEATURE_FILE and its line", () => {
    const text =
      "@relation r\n@attribute name string\n@attribute a numeric\n@attribute class unknown\n@data\nx,1\n";
    expect(() => parseOpenSmileArff(text, "short.arff")).toThrow(
      expect.objectContaining({
        code: "BAD_FEATURE_FILE",
        details: expect.objectContaining({ file: "short.arff", line: 6 }),
      }),
    );
  });
});

describe.skipIf(!hasOpenSmileReference)("openSMILE's own output files", () => {
  const files = referenceWavNames();
  const read = (dir: string, file: string) =>
    readFileSync(join(openSmileReferenceDir, dir, file), "utf8");

  it.each(files)("mfcc0_12/%s.arff reads and is written back byte for byte", (file) => {
    const text = read("mfcc0_12", `${file}.arff`);
    const parsed = parseOpenSmileArff(text);
    expect(parsed.columns).toHaveLength(13);
    expect(new Set(parsed.names)).toEqual(new Set([file]));
    expect(parsed.frameTimes).toBeUndefined();
    expect(formatOpenSmileArff({ ...parsed, classes: undefined })).toBe(text);
  });

  // Byte identity is out of reach for CSV: openSMILE prints 110.00001f as 1.100000e+02, which
  // reads back as the whole number 110 and is then printed as "110" like openSMILE would.
  it.each(files)("mfcc12_0_d_a/%s.csv reads and is written back unchanged", (file) => {
    const text = read("mfcc12_0_d_a", `${file}.csv`);
    const parsed = parseOpenSmileCsv(text);
    expect(parsed.columns).toHaveLength(39);
    expect(parsed.frameTimes?.[1]).toBeCloseTo(0.01, 9);
    const written = formatOpenSmileCsv(parsed);
    expect(written.split("\n")[0]).toBe(text.split("\n")[0]);
    expect(parseOpenSmileCsv(written)).toEqual(parsed);
  });

  it.each(files)("is09_lld/%s.csv reads with 32 feature columns", (file) => {
    const parsed = parseOpenSmileCsv(read("is09_lld", `${file}.csv`));
    expect(parsed.columns).toHaveLength(32);
    expect(parsed.columns[15]).toBe("F0_sma");
    expect(parsed.features.frames).toBe(parsed.names.length);
  });
});
