// Parity with the real openSMILE: every reference WAV through our sets against openSMILE's own
// output files. Differences are reported relative to each coefficient's range over all files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../../test/shared-data.js";
import { decodeWav } from "../audio/decode-wav.js";
import { mixToMono } from "../audio/mix-to-mono.js";
import { extractFeatures } from "../extract-features.js";
import type { FeatureMatrix } from "../feature-matrix.js";
import { parseOpenSmileArff } from "../formats/opensmile-arff.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { getFeatureSet } from "./registry.js";

/**
 * eGeMAPS's LPC formants (order 11 on a band-limited spectrum) turn a last-bit difference in the
 * input into 1e-4..6e-4 of their range: the stereo file, whose channels differ by one LSB in
 * places, is mixed to mono in float32 after scaling (openSMILE adds the integers first). Every
 * other column of every set, and the formants on the mono files, stay within 1e-4.
 */
const REFERENCES = [
  { set: "mfcc0_12", dir: "mfcc0_12", extension: "arff", tolerance: 1e-4 },
  { set: "mfcc0_12_d_a", dir: "mfcc12_0_d_a", extension: "csv", tolerance: 1e-4 },
  { set: "egemaps_v02_lld", dir: "egemaps_v02_lld", extension: "csv", tolerance: 1e-3 },
  { set: "egemaps_v02", dir: "egemaps_v02_func", extension: "csv", tolerance: 1e-3 },
  { set: "compare16_lld", dir: "compare16_lld", extension: "csv", tolerance: 1e-3 },
  { set: "compare16", dir: "compare16_func", extension: "csv", tolerance: 1e-3 },
] as const;

interface FileComparison {
  readonly file: string;
  readonly ours: FeatureMatrix;
  readonly reference: FeatureMatrix;
  readonly referenceColumns: readonly string[];
}

function compareFile(reference: (typeof REFERENCES)[number], file: string): FileComparison {
  const audio = decodeWav(readFileSync(join(openSmileReferenceDir, "wav", `${file}.wav`)), file);
  const ours = extractFeatures(reference.set, mixToMono(audio), audio.sampleRate);
  const path = join(openSmileReferenceDir, reference.dir, `${file}.${reference.extension}`);
  const text = readFileSync(path, "utf8");
  const parsed =
    reference.extension === "arff" ? parseOpenSmileArff(text, path) : parseOpenSmileCsv(text, path);
  return { file, ours, reference: parsed.features, referenceColumns: parsed.columns };
}

/** Per column: [min, max] of the reference over all files. */
function columnRanges(comparisons: readonly FileComparison[], dimension: number): number[] {
  const low = new Array<number>(dimension).fill(Number.POSITIVE_INFINITY);
  const high = new Array<number>(dimension).fill(Number.NEGATIVE_INFINITY);
  for (const { reference } of comparisons) {
    reference.data.forEach((value, index) => {
      const column = index % dimension;
      low[column] = Math.min(low[column] ?? value, value);
      high[column] = Math.max(high[column] ?? value, value);
    });
  }
  return high.map((value, column) => value - (low[column] ?? value));
}

function maxAbsoluteDifferences(comparison: FileComparison): number[] {
  const { ours, reference } = comparison;
  const differences = new Array<number>(reference.dimension).fill(0);
  reference.data.forEach((value, index) => {
    const column = index % reference.dimension;
    const difference = Math.abs((ours.data[index] ?? Number.NaN) - value);
    differences[column] = Math.max(differences[column] ?? 0, difference);
  });
  return differences;
}

describe.skipIf(!hasOpenSmileReference)("parity with openSMILE", () => {
  for (const reference of REFERENCES) {
    describe(reference.set, () => {
      const comparisons = referenceWavNames().map((file) => compareFile(reference, file));

      if (reference.extension === "csv") {
        it("names its columns as openSMILE's CSV does", () => {
          expect(getFeatureSet(reference.set).spec.columns).toEqual(
            comparisons[0]?.referenceColumns,
          );
        });
      }

      it.each(comparisons.map((comparison) => [comparison.file, comparison] as const))(
        "%s: same frame count and dimension",
        (_, { ours, reference: theirs }) => {
          expect(ours.dimension).toBe(theirs.dimension);
          expect(ours.frames).toBe(theirs.frames);
        },
      );

      it(`stays within ${reference.tolerance} of each coefficient's range on every file`, () => {
        const dimension = comparisons[0]?.reference.dimension ?? 0;
        const ranges = columnRanges(comparisons, dimension);
        const worst = new Array<number>(dimension).fill(0);
        const worstFile = new Array<string>(dimension).fill("");
        for (const comparison of comparisons) {
          maxAbsoluteDifferences(comparison).forEach((difference, column) => {
            if (difference >= (worst[column] ?? 0)) {
              worst[column] = difference;
              worstFile[column] = comparison.file;
            }
          });
        }
        const table = worst.map((difference, column) => ({
          column,
          maxAbsDiff: difference.toExponential(2),
          range: (ranges[column] ?? 0).toFixed(2),
          relative: (difference / (ranges[column] ?? 1)).toExponential(2),
          worstFile: worstFile[column],
        }));
        console.log(`${reference.set}: max |ours - openSMILE| per coefficient over all files`);
        console.table(table);
        worst.forEach((difference, column) => {
          expect(difference / (ranges[column] ?? 1), `column ${column}`).toBeLessThan(
            reference.tolerance,
          );
        });
      });
    });
  }
});
