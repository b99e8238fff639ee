// Parity with the real openSMILE: our is09_lld against SMILExtract's own IS09_emotion.conf LLD
// output for every reference WAV in <shared>/reference/opensmile (see its README).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../../test/shared-data.js";
import { extractFeatures } from "../extract-features.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { readAudioForFeatureSet } from "../node/read-audio-for-feature-set.js";
import { is09Lld } from "./is09-lld.js";

const references = referenceWavNames();

/** MFCC columns (static and delta) are 1..12 and 17..28 of the 32. */
const isMfccColumn = (column: number) => column % 16 >= 1 && column % 16 <= 12;

/**
 * Allowed |ours - openSMILE| for one value. Energy, ZCR, voicing probability and F0 agree to the
 * CSV's printing (7 significant digits: relative rounding up to 5e-7, read back as float32), so
 * they get 1e-6 relative plus 2e-6 of the column's scale (deltas are differences of smoothed
 * values, so their rounding scales with the static column's scale). MFCCs also carry openSMILE's
 * float32 FFT noise: its Ooura FFT runs in float32, ours in double, and float32 rounding of the
 * strongest bins swamps bins 60-80 dB below them, which the log of the mel bands then amplifies
 * (a float32 FFT of our own moves our MFCCs by up to 3.5e-4 on the same frames). They get
 * 2e-5 of the column's scale (the largest seen is 1e-5, on the steady tone), 5x below the issue's
 * aim of 1e-4 of the range.
 */
function tolerance(column: number, reference: number, columnScale: number): number {
  return isMfccColumn(column)
    ? 2e-5 * columnScale
    : 1e-6 * Math.abs(reference) + 2e-6 * columnScale;
}

/**
 * A column's scale: its range, or its largest magnitude when that is larger (a steady tone's
 * MFCCs barely move, yet carry noise proportional to their size).
 */
function columnScale(matrix: FeatureMatrix, column: number): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let frame = 0; frame < matrix.frames; frame++) {
    const value = matrix.data[frame * matrix.dimension + column] as number;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return matrix.frames > 0 ? Math.max(max - min, Math.abs(min), Math.abs(max)) : 0;
}

type Comparison = { maxAbsDiff: number[]; maxRelativeToScale: number[]; violations: string[] };

function compare(ours: FeatureMatrix, reference: FeatureMatrix): Comparison {
  const { dimension } = reference;
  const statics = dimension / 2;
  const scales = Array.from({ length: dimension }, (_, c) => columnScale(reference, c % statics));
  const maxAbsDiff = new Array<number>(dimension).fill(0);
  const maxRelativeToScale = new Array<number>(dimension).fill(0);
  const violations: string[] = [];
  for (let frame = 0; frame < Math.min(ours.frames, reference.frames); frame++) {
    for (let c = 0; c < dimension; c++) {
      const expected = reference.data[frame * dimension + c] as number;
      const difference = Math.abs((ours.data[frame * dimension + c] as number) - expected);
      const scale = scales[c] as number;
      maxAbsDiff[c] = Math.max(maxAbsDiff[c] as number, difference);
      if (scale > 0)
        maxRelativeToScale[c] = Math.max(maxRelativeToScale[c] as number, difference / scale);
      if (difference > tolerance(c, expected, scale) && violations.length < 5) {
        violations.push(`frame ${frame} ${is09Lld.spec.columns[c]}: |diff| ${difference}`);
      }
    }
  }
  return { maxAbsDiff, maxRelativeToScale, violations };
}

describe.skipIf(!hasOpenSmileReference)("is09_lld parity with openSMILE IS09_emotion.conf", () => {
  const table: Record<string, Record<string, string>> = {};

  it.each(references)("%s: same frames, every value within float32 noise", async (name) => {
    const audio = await readAudioForFeatureSet(
      join(openSmileReferenceDir, "wav", `${name}.wav`),
      is09Lld,
    );
    const ours = extractFeatures(is09Lld, audio.samples, audio.sampleRate);
    const csv = readFileSync(join(openSmileReferenceDir, "is09_lld", `${name}.csv`), "utf8");
    const reference = parseOpenSmileCsv(csv, name);

    expect(reference.columns).toEqual(is09Lld.spec.columns);
    expect(ours.dimension).toBe(reference.features.dimension);
    expect(ours.frames).toBe(reference.features.frames);
    const { maxAbsDiff, maxRelativeToScale, violations } = compare(ours, reference.features);
    const cell = (c: number) =>
      `${(maxAbsDiff[c] as number).toExponential(1)} (${(maxRelativeToScale[c] as number).toExponential(0)})`;
    table[name] = Object.fromEntries(reference.columns.map((column, c) => [column, cell(c)]));
    table[name].frames = `${ours.frames}/${reference.features.frames}`;
    expect(violations).toEqual([]);
  });

  it("prints max |ours - openSMILE| per column (and relative to the column's scale)", () => {
    const rows = ["frames", ...is09Lld.spec.columns].map((column) => [
      column,
      Object.fromEntries(Object.entries(table).map(([file, values]) => [file, values[column]])),
    ]);
    console.table(Object.fromEntries(rows));
    expect(Object.keys(table)).toEqual(references);
  });
});
