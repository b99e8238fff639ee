// Parity with the real openSMILE: our is09_prosody_formants against SMILExtract running
// opensmile/is09_prosody_formants.conf (IS09_emotion.conf's and GeMAPS v01b's own components) on
// every reference WAV of <shared>/reference/opensmile; its outputs are in
// test/fixtures/is09_prosody_formants/ (the WAVs, being shared data, are not in the repo).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../../test/shared-data.js";
import { extractFeatures } from "../extract-features.js";
import { parseOpenSmileCsv } from "../formats/opensmile-csv.js";
import { readAudioForFeatureSet } from "../node/read-audio-for-feature-set.js";
import { is09ProsodyFormants } from "./is09-prosody-formants.js";

const references = referenceWavNames();
const fixtureDir = join(import.meta.dirname, "../../test/fixtures/is09_prosody_formants");
const { columns } = is09ProsodyFormants.spec;
const statics = columns.length / 2;
const isFormantColumn = (column: number) => column % statics >= 4;

/**
 * Energy, ZCR, voicing probability and F0 are IS09's and agree as in is09_lld's parity test
 * (the CSV's 7 significant digits). Formants do not agree to the last digit, and cannot without
 * openSMILE's own float32 FFT: the order-11 LPC runs on a spectrum that cSpecResample cuts at
 * 3.4 kHz of the 5.5 kHz band, an ill-conditioned autocorrelation that turns float32 rounding of
 * the FFT into shifts of the roots. Measured: replacing our double FFT by a float32 radix-2 FFT
 * moves the formants of the steady tone by a median 6.8e-5 and at most 6.6e-4 (relative), the
 * same order as their difference from openSMILE (median 1.7e-4, at most 1.4e-3); in weak or
 * noisy frames a pair of roots can cross the 50 Hz floor, which renumbers the formants. So the
 * formant columns are held to what float32 noise allows: per file a median relative difference
 * below 1e-3 and 90 % of the rows within 2 %.
 */
const PROSODY_TOLERANCE = (reference: number, scale: number) =>
  1e-6 * Math.abs(reference) + 2e-6 * scale;
const FORMANT_MEDIAN = 1e-3;
const FORMANT_ROW_SHARE = 0.9;
const FORMANT_ROW_BOUND = 0.02;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

describe.skipIf(!hasOpenSmileReference)(
  "is09_prosody_formants parity with openSMILE (IS09 prosody + GeMAPS formants)",
  () => {
    const table: Record<string, string> = {};

    it.each(references)(
      "%s: same rows, prosody exact, formants within float32 noise",
      async (name) => {
        const audio = await readAudioForFeatureSet(
          join(openSmileReferenceDir, "wav", `${name}.wav`),
          is09ProsodyFormants,
        );
        const ours = extractFeatures(is09ProsodyFormants, audio.samples, audio.sampleRate);
        const csv = readFileSync(join(fixtureDir, `${name}.csv`), "utf8");
        const reference = parseOpenSmileCsv(csv, name);
        expect(reference.columns).toEqual(columns);
        expect(ours.frames).toBe(reference.features.frames);

        const { frames, dimension, data } = reference.features;
        const prosodyViolations: string[] = [];
        const formantRowDifferences: number[] = [];
        for (let frame = 0; frame < frames; frame++) {
          let worstFormant = 0;
          for (let c = 0; c < dimension; c++) {
            const expected = data[frame * dimension + c] as number;
            const difference = Math.abs((ours.data[frame * dimension + c] as number) - expected);
            if (isFormantColumn(c)) {
              // A delta is measured against its formant's value (deltas of 1000 Hz formants are
              // small numbers carrying the formant's absolute noise).
              const formant = data[frame * dimension + (c % statics)] as number;
              worstFormant = Math.max(worstFormant, difference / Math.max(1, Math.abs(formant)));
            } else if (
              difference > PROSODY_TOLERANCE(expected, 1) &&
              prosodyViolations.length < 5
            ) {
              prosodyViolations.push(`frame ${frame} ${columns[c]}: |diff| ${difference}`);
            }
          }
          formantRowDifferences.push(worstFormant);
        }
        const median = quantile(formantRowDifferences, 0.5);
        const withinBound =
          formantRowDifferences.filter((d) => d <= FORMANT_ROW_BOUND).length / Math.max(1, frames);
        table[name] =
          `${frames} rows; formants: median ${median.toExponential(1)}, ` +
          `p90 ${quantile(formantRowDifferences, 0.9).toExponential(1)}, ` +
          `${(100 * withinBound).toFixed(1)} % of rows within ${FORMANT_ROW_BOUND}`;
        expect(prosodyViolations).toEqual([]);
        expect(median).toBeLessThan(FORMANT_MEDIAN);
        expect(withinBound).toBeGreaterThanOrEqual(FORMANT_ROW_SHARE);
        // The last rows read the formant frame after the last IS09 frame (shortFrameColumns).
        expect(formantRowDifferences.slice(-2).every((d) => d <= FORMANT_ROW_BOUND)).toBe(true);
      },
    );

    it("prints the formant agreement per file (relative to max(|openSMILE's formant|, 1))", () => {
      console.table(table);
      expect(Object.keys(table)).toEqual(references);
    });
  },
);
