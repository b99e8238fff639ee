// Parity of cPitchJitter's eGeMAPS columns with the real openSMILE: every reference WAV through
// PitchJitter with openSMILE's own F0final (the committed gemapsv01b_logPitch fixture), smoothed
// as egemapsv02_smoFnz does (sma3nz), against the LLD CSV.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { differenceTable, referenceRanges, rowDifferences } from "../test/column-differences.js";
import { fixtureF0, readSemicolonRows } from "../test/opensmile-pitch-fixture.js";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../test/shared-data.js";
import { stageRows } from "../test/stage-rows.js";
import { decodeWav } from "./audio/decode-wav.js";
import { mixToMono } from "./audio/mix-to-mono.js";
import { createContourSmootherStage } from "./contour-smoother.js";
import { PITCH_JITTER_DIMENSION, PitchJitter } from "./pitch-jitter.js";

const REFERENCE_COLUMNS = ["jitterLocal_sma3nz", "shimmerLocaldB_sma3nz"] as const;
/** The reference CSV prints 7 significant digits; ours agree to them. */
const RELATIVE_TOLERANCE = 1e-6;

/**
 * The last two F0 rows reach cPitchJitter only in openSMILE's end-of-input tick pass, which
 * cPitchJitter sits out (`if (isEOI()) return TICK_INACTIVE`); it computes them in the next
 * normal pass. By then egemapsv02_smoFnz has ended its input: it padded its window with the
 * third-last row and emitted two rows from it (the second as that row alone), and goes on with
 * the last two as if they followed. Found by harmonics.integration.test.ts (same smoother).
 */
const LATE_FRAMES = 2;

function referenceColumns(file: string): Float32Array {
  const path = join(openSmileReferenceDir, "egemaps_v02_lld", `${file}.csv`);
  const { header, rows } = readSemicolonRows(path);
  const indices = REFERENCE_COLUMNS.map((name) => header.indexOf(name));
  return Float32Array.from(rows.flatMap((row) => indices.map((index) => Number(row[index]))));
}

/** The smoothed columns of one WAV: one row per F0 frame plus the smoother's row past the end. */
function ourColumns(file: string): Float32Array {
  const audio = decodeWav(readFileSync(join(openSmileReferenceDir, "wav", `${file}.wav`)), file);
  const samples = mixToMono(audio);
  const jitter = new PitchJitter({ sampleRate: audio.sampleRate });
  const f0 = fixtureF0(file);
  const rows = Array.from(f0, (value, frame) => {
    const row = new Float32Array(PITCH_JITTER_DIMENSION);
    jitter.compute(samples, frame * jitter.frameStep, value, row, 0);
    return row;
  });
  const out = stageRows(
    createContourSmootherStage({
      inputDimension: PITCH_JITTER_DIMENSION,
      smaWin: 3,
      noZeroSma: true,
    }),
    rows,
    { onTime: Math.max(0, f0.length - LATE_FRAMES) },
  );
  return Float32Array.from(out.flat());
}

describe.skipIf(!hasOpenSmileReference)("cPitchJitter parity with openSMILE (eGeMAPS v02)", () => {
  const comparisons = referenceWavNames().map((file) => ({
    file,
    ours: ourColumns(file),
    reference: referenceColumns(file),
  }));
  const ranges = referenceRanges(comparisons, PITCH_JITTER_DIMENSION);

  it.each(comparisons.map((comparison) => [comparison.file, comparison] as const))(
    "%s: same row count as the LLD CSV",
    (_, { ours, reference }) => {
      expect(ours.length).toBe(reference.length);
    },
  );

  it(`stays within ${RELATIVE_TOLERANCE} of each column's range on every row`, () => {
    const table = differenceTable(comparisons, REFERENCE_COLUMNS, ranges);
    console.log("cPitchJitter: max |ours - openSMILE| per column over all files");
    console.table(table);
    for (const comparison of comparisons) {
      REFERENCE_COLUMNS.forEach((name, c) => {
        const worst = Math.max(...rowDifferences(comparison, c, PITCH_JITTER_DIMENSION));
        const relative = worst / (ranges[c] as number);
        expect(relative, `${name} ${comparison.file}`).toBeLessThan(RELATIVE_TOLERANCE);
      });
    }
  });
});
