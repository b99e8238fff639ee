// Parity of ComParE 2016's 60 ms voice path with the real openSMILE: Compare16Pitch against its
// levels is13_pitchG60 and is13_jitterShimmer, and Compare16VoiceContours against is13_lld_nzsmo
// and is13_lld_nzsmo_de (exact float32 dumps in test/fixtures/opensmile-compare16-pitch), then
// the smoothed and delta columns of every reference WAV against its compare16_lld CSV.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSemicolonRows } from "../test/opensmile-pitch-fixture.js";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../test/shared-data.js";
import { decodeWav } from "./audio/decode-wav.js";
import { mixToMono } from "./audio/mix-to-mono.js";
import { COMPARE16_PITCH_COLUMNS, Compare16Pitch } from "./compare16-pitch.js";
import { RowCollector } from "./row-collector.js";
import {
  COMPARE16_VOICE_CONTOUR_COLUMNS,
  Compare16VoiceContours,
} from "./sets/compare16-voice-contours.js";

const fixtureDir = join(import.meta.dirname, "../test/fixtures/opensmile-compare16-pitch");
const FIXTURE_WAVS = [
  "digital_zero_1s",
  "en_female_fast_high",
  "fr_with_noise",
  "tone_440hz",
  "very_short_120ms",
];
const WIDTH = COMPARE16_PITCH_COLUMNS.length;
/** Odd-sized chunks, so frames straddle them. */
const CHUNK = 1237;

interface Level {
  readonly header: string[];
  readonly frames: number;
  /** Row-major float32 values. */
  readonly data: Float32Array;
}

function readLevel(file: string, level: string): Level {
  const { header, rows } = readSemicolonRows(join(fixtureDir, file, `${level}.csv`));
  return { header, frames: rows.length, data: Float32Array.from(rows.flat(), Number) };
}

/** The columns of `a`, then those of `b`, row for row over `a`'s rows. */
function sideBySide(a: Level, b: Level): Float32Array {
  const width = a.header.length + b.header.length;
  const joined = new Float32Array(a.frames * width);
  for (let r = 0; r < a.frames; r += 1) {
    joined.set(a.data.subarray(r * a.header.length, (r + 1) * a.header.length), r * width);
    joined.set(
      b.data.subarray(r * b.header.length, (r + 1) * b.header.length),
      r * width + a.header.length,
    );
  }
  return joined;
}

interface Extraction {
  /** Compare16Pitch's rows, row-major. */
  readonly rows: Float32Array;
  /** Rows it gave before `lateRowsFollow` (openSMILE's V: frames decided before the end). */
  readonly onTime: number;
  /** Compare16VoiceContours's rows, row-major. */
  readonly contours: Float32Array;
}

function extract(file: string): Extraction {
  const audio = decodeWav(readFileSync(join(openSmileReferenceDir, "wav", `${file}.wav`)), file);
  const samples = mixToMono(audio);
  const rows = new RowCollector(WIDTH);
  const contours = new Compare16VoiceContours();
  let onTime = -1;
  const pitch = new Compare16Pitch(audio.sampleRate, {
    row: (row) => {
      rows.append(row);
      contours.accept(row);
    },
    lateRowsFollow: () => {
      onTime = rows.rows;
      contours.lateRowsFollow();
    },
  });
  for (let from = 0; from < samples.length; from += CHUNK) {
    pitch.push(samples.subarray(from, from + CHUNK));
  }
  pitch.end();
  contours.end();
  return { rows: rows.take().data, onTime, contours: contours.output.take().data };
}

/** Compare16VoiceContours over given unsmoothed rows, the first `onTime` of them on time. */
function contoursOf(rows: Float32Array, onTime: number): Float32Array {
  const contours = new Compare16VoiceContours();
  for (let r = 0; r * WIDTH < rows.length; r += 1) {
    if (r === onTime) contours.lateRowsFollow();
    contours.accept(rows, r * WIDTH);
  }
  contours.end();
  return contours.output.take().data;
}

/** The smoothed level (`frames` rows) beside the first `frames` rows of the delta level. */
function expectedContours(file: string, frames: number): Float32Array {
  const smoothed = readLevel(file, "nzsmo");
  const deltas = readLevel(file, "nzde");
  expect(deltas.frames).toBeGreaterThanOrEqual(frames);
  expect(smoothed.frames).toBe(frames);
  return sideBySide(smoothed, { ...deltas, frames, data: deltas.data.subarray(0, frames * WIDTH) });
}

function expectExact(ours: Float32Array, reference: Float32Array, columns: readonly string[]) {
  expect(ours.length).toBe(reference.length);
  for (let i = 0; i < reference.length; i += 1) {
    const label = `row ${Math.floor(i / columns.length)} ${columns[i % columns.length]}`;
    expect(ours[i], label).toBe(reference[i]);
  }
}

describe.skipIf(!hasOpenSmileReference)("ComParE 2016 voice levels: openSMILE's dumps", () => {
  const extractions = new Map(FIXTURE_WAVS.map((file) => [file, extract(file)]));
  const get = (file: string) => extractions.get(file) as Extraction;

  it.each(FIXTURE_WAVS)("%s: is13_pitchG60 and is13_jitterShimmer, bit for bit", (file) => {
    const reference = sideBySide(readLevel(file, "pitch"), readLevel(file, "jitter"));
    expectExact(get(file).rows, reference, COMPARE16_PITCH_COLUMNS);
  });

  it.each(FIXTURE_WAVS)(
    "%s: is13_lld_nzsmo and _de from openSMILE's unsmoothed rows, bit for bit",
    (file) => {
      const rows = sideBySide(readLevel(file, "pitch"), readLevel(file, "jitter"));
      const frames = rows.length / WIDTH;
      expectExact(
        contoursOf(rows, get(file).onTime),
        expectedContours(file, frames + 1),
        COMPARE16_VOICE_CONTOUR_COLUMNS,
      );
    },
  );

  it.each(FIXTURE_WAVS)("%s: is13_lld_nzsmo and _de from the WAV, bit for bit", (file) => {
    const { rows, contours } = get(file);
    const frames = rows.length / WIDTH;
    expectExact(contours, expectedContours(file, frames + 1), COMPARE16_VOICE_CONTOUR_COLUMNS);
  });
});

/**
 * The LLD CSV prints 7 significant digits: our values (bit for bit openSMILE's on the dumped
 * files) are within 1e-6 of each printed value. The stereo file differs by openSMILE's mixdown
 * (it averages the 16-bit integers, we the scaled channels: 1 LSB apart where the channels
 * differ), which can move a period boundary; it is held to the parity rule only.
 */
const PRINTED_TOLERANCE = 1e-6;
const PARITY_TOLERANCE = 1e-3;

interface ColumnError {
  /** Largest |ours - openSMILE| relative to the column's range over the file (the parity rule). */
  readonly ofRange: number;
  /** Largest |ours - openSMILE| relative to the printed value. */
  readonly ofValue: number;
}

function columnErrors(ours: Float32Array, reference: number[][]): ColumnError[] {
  return COMPARE16_VOICE_CONTOUR_COLUMNS.map((_, c) => {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    let worst = 0;
    let ofValue = 0;
    reference.forEach((row, r) => {
      const value = row[c] as number;
      const difference = Math.abs((ours[r * row.length + c] as number) - value);
      low = Math.min(low, value);
      high = Math.max(high, value);
      worst = Math.max(worst, difference);
      if (difference > 0) ofValue = Math.max(ofValue, difference / Math.abs(value));
    });
    // A constant column: relative to its magnitude (absolute where it is 0).
    const scale = high > low ? high - low : Math.max(Math.abs(high), 1);
    return { ofRange: worst / scale, ofValue };
  });
}

describe.skipIf(!hasOpenSmileReference)("ComParE 2016 voice contours: the LLD CSVs", () => {
  const files = referenceWavNames();
  const results = files.map((file) => {
    const path = join(openSmileReferenceDir, "compare16_lld", `${file}.csv`);
    const { header, rows } = readSemicolonRows(path);
    const indices = COMPARE16_VOICE_CONTOUR_COLUMNS.map((name) => header.indexOf(name));
    expect(indices).not.toContain(-1);
    const reference = rows.map((row) => indices.map((index) => Number(row[index])));
    const { contours } = extract(file);
    return { file, stereo: file.includes("stereo"), contours, reference };
  });

  it.each(results.map((result) => [result.file, result] as const))(
    "%s: one row per 60 ms frame and the row past the end, as the CSV",
    (_, { contours, reference }) => {
      expect(contours.length / COMPARE16_VOICE_CONTOUR_COLUMNS.length).toBe(reference.length);
    },
  );

  it("agrees with every value to its printed digits (the stereo file within the parity rule)", () => {
    const table = COMPARE16_VOICE_CONTOUR_COLUMNS.map((name) => ({
      name,
      monoOfValue: 0,
      monoWorstFile: "",
      stereoOfValue: 0,
      stereoOfRange: 0,
    }));
    for (const { file, stereo, contours, reference } of results) {
      columnErrors(contours, reference).forEach(({ ofRange, ofValue }, c) => {
        const label = `${file} ${COMPARE16_VOICE_CONTOUR_COLUMNS[c]}`;
        const entry = table[c] as (typeof table)[number];
        if (stereo) {
          expect(ofRange, label).toBeLessThan(PARITY_TOLERANCE);
          entry.stereoOfValue = ofValue;
          entry.stereoOfRange = ofRange;
        } else {
          expect(ofValue, label).toBeLessThan(PRINTED_TOLERANCE);
          if (ofValue >= entry.monoOfValue) {
            entry.monoOfValue = ofValue;
            entry.monoWorstFile = file;
          }
        }
      });
    }
    console.log("ComParE voice contours: max |ours - openSMILE| per column, relative");
    console.table(
      table.map((entry) => ({
        ...entry,
        monoOfValue: entry.monoOfValue.toExponential(2),
        stereoOfValue: entry.stereoOfValue.toExponential(2),
        stereoOfRange: entry.stereoOfRange.toExponential(2),
      })),
    );
  });
});
