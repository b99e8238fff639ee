// Parity of ComParE 2016's 20 ms LLDs and its zero-crossing rate with the real openSMILE:
// (1) unsmoothed, against the exact float32 levels it computed for four reference WAVs
// (test/fixtures/opensmile-compare16-spectral, cHtkSink dumps); (2) after the 3-frame smoother,
// against the `_sma` columns of its LLD files for every mono reference WAV. Those files stop at
// the 60 ms levels' rows plus the smoother's extra row (408 for en_male_normal, whose 20 ms
// frames give 411), so their rows are our first rows, each level padded at its own end.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHtkFile } from "../test/htk-file.js";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../test/shared-data.js";
import { stageRows } from "../test/stage-rows.js";
import { decodeWav } from "./audio/decode-wav.js";
import { mixToMono } from "./audio/mix-to-mono.js";
import { COMPARE16_SPECTRAL_LLD_NAMES, Compare16SpectralLlds } from "./compare16-spectral-llds.js";
import { Compare16Zcr } from "./compare16-zcr.js";
import { createContourSmootherStage } from "./contour-smoother.js";
import type { FrameProcessor } from "./feature-set.js";
import { parseOpenSmileCsv } from "./formats/opensmile-csv.js";
import { frameGeometry, wholeFrameCount } from "./framing.js";

const fixtureDir = join(import.meta.dirname, "../test/fixtures/opensmile-compare16-spectral");
const FIXTURE_WAVS = ["digital_zero_1s", "en_female_fast_high", "tone_440hz", "very_short_120ms"];
/** openSMILE's levels in the row's order (each a run of columns). */
const FIXTURE_LEVELS = [
  "is13_audspecSum",
  "is13_audspecRastaSum",
  "is13_energy",
  "is13_audspecRasta",
  "is13_spectral",
  "is13_mfcc1_12",
];
const DIMENSION = COMPARE16_SPECTRAL_LLD_NAMES.length;
/**
 * Columns through a float logarithm or exponential: openSMILE calls glibc's logf and expf, we
 * round the double Math.log and Math.exp, which differ in the last bit now and then.
 */
const LOG_DOMAIN_COLUMN = /Rasta|Rfilt|mfcc/;
const LOG_DOMAIN_TOLERANCE = 1e-5;
/** The LLD files print 6 significant digits; our smoothed rows may differ by that much more. */
const SMOOTHED_RANGE_TOLERANCE = 1e-5;
const PRINTED_RELATIVE_PRECISION = 1e-6;

type Processor = FrameProcessor & { readonly frameSize: number };

function loadMono(file: string): { samples: Float32Array; sampleRate: number } {
  const path = join(openSmileReferenceDir, "wav", `${file}.wav`);
  const audio = decodeWav(readFileSync(path), file);
  return { samples: mixToMono(audio), sampleRate: audio.sampleRate };
}

/** Rows of `processor` on every whole frame, every 10 ms. */
function frameRows(processor: Processor, samples: Float32Array, sampleRate: number): Float32Array {
  const { frameStep } = frameGeometry(sampleRate, 0.02, 0.01);
  const frames = wholeFrameCount(samples.length, { frameSize: processor.frameSize, frameStep });
  const rows = new Float32Array(frames * processor.dimension);
  for (let frame = 0; frame < frames; frame += 1) {
    processor.process(samples, frame * frameStep, rows, frame * processor.dimension);
  }
  return rows;
}

/** The rows after cContourSmoother smaWin 3, with the rows it adds past the end. */
function smoothed(rows: Float32Array, dimension: number): Float32Array {
  const input = Array.from({ length: rows.length / dimension }, (_, r) =>
    rows.subarray(r * dimension, (r + 1) * dimension),
  );
  const out = stageRows(
    createContourSmootherStage({ inputDimension: dimension, smaWin: 3 }),
    input,
  );
  return Float32Array.from(out.flat());
}

function fixtureRows(file: string): { frames: number; data: Float32Array } {
  const levels = FIXTURE_LEVELS.map((level) => readHtkFile(join(fixtureDir, file, `${level}.htk`)));
  const frames = levels[0]?.frames ?? 0;
  const data = new Float32Array(frames * DIMENSION);
  let column = 0;
  for (const level of levels) {
    expect(level.frames).toBe(frames);
    for (let frame = 0; frame < frames; frame += 1) {
      const row = level.data.subarray(frame * level.dimension, (frame + 1) * level.dimension);
      data.set(row, frame * DIMENSION + column);
    }
    column += level.dimension;
  }
  expect(column).toBe(DIMENSION);
  return { frames, data };
}

/** Largest |ours - openSMILE| of a column over its range (its magnitude when constant). */
function worstRelativeDifference(
  ours: Float32Array,
  reference: Float32Array,
  column: number,
  dimension: number,
  rows: number,
): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (let row = 0; row < rows; row += 1) {
    const value = reference[row * dimension + column] as number;
    low = Math.min(low, value);
    high = Math.max(high, value);
    worst = Math.max(worst, Math.abs((ours[row * dimension + column] as number) - value));
  }
  const scale = high - low || Math.abs(high) || 1;
  return worst / scale;
}

describe.skipIf(!hasOpenSmileReference)("ComParE 2016 20 ms LLDs: openSMILE's levels", () => {
  it.each(FIXTURE_WAVS)("%s: every value of openSMILE's unsmoothed levels", (file) => {
    const { samples, sampleRate } = loadMono(file);
    const reference = fixtureRows(file);
    const ours = frameRows(new Compare16SpectralLlds(sampleRate), samples, sampleRate);
    expect(ours.length / DIMENSION).toBe(reference.frames);
    COMPARE16_SPECTRAL_LLD_NAMES.forEach((name, column) => {
      if (LOG_DOMAIN_COLUMN.test(name)) {
        const worst = worstRelativeDifference(
          ours,
          reference.data,
          column,
          DIMENSION,
          reference.frames,
        );
        expect(worst, name).toBeLessThan(LOG_DOMAIN_TOLERANCE);
        return;
      }
      const differing = Array.from({ length: reference.frames }, (_, frame) => frame).filter(
        (frame) => ours[frame * DIMENSION + column] !== reference.data[frame * DIMENSION + column],
      );
      expect(differing, `${name}: frames not bit-identical`).toEqual([]);
    });
  });

  it.each(FIXTURE_WAVS)("%s: the zero-crossing rate of each 60 ms frame, bit for bit", (file) => {
    const { samples, sampleRate } = loadMono(file);
    const reference = readHtkFile(join(fixtureDir, file, "is13_zcr.htk"));
    expect(frameRows(new Compare16Zcr(sampleRate), samples, sampleRate)).toEqual(reference.data);
  });
});

describe.skipIf(!hasOpenSmileReference)("ComParE 2016 20 ms LLDs: openSMILE's LLD files", () => {
  const monoWavs = referenceWavNames().filter((file) => !file.includes("stereo"));

  it.each(monoWavs)("%s: every `_sma` row of the LLD file, ZCR included", (file) => {
    const { samples, sampleRate } = loadMono(file);
    const spectral = smoothed(
      frameRows(new Compare16SpectralLlds(sampleRate), samples, sampleRate),
      DIMENSION,
    );
    const zcr = smoothed(frameRows(new Compare16Zcr(sampleRate), samples, sampleRate), 1);
    const path = join(openSmileReferenceDir, "compare16_lld", `${file}.csv`);
    const csv = parseOpenSmileCsv(readFileSync(path, "utf8"), path);
    const { frames, data } = csv.features;
    const width = csv.columns.length;
    expect(zcr.length).toBe(frames);
    expect(spectral.length / DIMENSION).toBe(frames + 4);
    const columns = [
      { name: "pcm_zcr", ours: zcr, dimension: 1, column: 0 },
      ...COMPARE16_SPECTRAL_LLD_NAMES.map((name, column) => ({
        name,
        ours: spectral,
        dimension: DIMENSION,
        column,
      })),
    ];
    for (const { name, ours, dimension, column } of columns) {
      const csvName = name.replace(/(\[\d+\])?$/, (index) => `_sma${index}`);
      const source = csv.columns.indexOf(csvName);
      expect(source, csvName).toBeGreaterThanOrEqual(0);
      let low = Number.POSITIVE_INFINITY;
      let high = Number.NEGATIVE_INFINITY;
      for (let frame = 0; frame < frames; frame += 1) {
        const value = data[frame * width + source] as number;
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
      const outside = Array.from({ length: frames }, (_, frame) => frame).filter((frame) => {
        const value = data[frame * width + source] as number;
        const tolerance =
          SMOOTHED_RANGE_TOLERANCE * (high - low) + PRINTED_RELATIVE_PRECISION * Math.abs(value);
        return Math.abs((ours[frame * dimension + column] as number) - value) > tolerance;
      });
      expect(outside, `${csvName}: rows off by more than the tolerance`).toEqual([]);
    }
  });
});
