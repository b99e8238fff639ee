// Parity of the eGeMAPS v02 20 ms spectral LLDs with the real openSMILE: every reference WAV
// through GemapsSpectralLlds and the 3-frame smoother against the first ten `_sma3` columns of
// openSMILE's eGeMAPS v02 LLD files. Those files stop at the row count of their shortest joined
// level (the 60 ms pitch frames plus the smoother's extra row: 408 for en_male_normal, whose 20 ms
// frames give 411 and 412 smoothed rows), so their rows are our first rows, frame for frame.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  hasOpenSmileReference,
  openSmileReferenceDir,
  referenceWavNames,
} from "../test/shared-data.js";
import { stageRows } from "../test/stage-rows.js";
import { decodeWav } from "./audio/decode-wav.js";
import { mixToMono } from "./audio/mix-to-mono.js";
import { createContourSmootherStage } from "./contour-smoother.js";
import { parseOpenSmileCsv } from "./formats/opensmile-csv.js";
import { frameGeometry, wholeFrameCount } from "./framing.js";
import {
  GEMAPS_SPECTRAL_FRAME_SECONDS,
  GEMAPS_SPECTRAL_LLD_NAMES,
  GEMAPS_SPECTRAL_STEP_SECONDS,
  GemapsSpectralLlds,
} from "./gemaps-spectral-llds.js";

const RELATIVE_TOLERANCE = 1e-4;
/** The LLD columns: all but the last value (the energy for the equivalent sound level). */
const SMOOTHED_COLUMNS = GEMAPS_SPECTRAL_LLD_NAMES.slice(0, -1).map((name) => `${name}_sma3`);
const DIMENSION = SMOOTHED_COLUMNS.length;

interface FileComparison {
  readonly file: string;
  readonly frames: number;
  /** Smoothed rows, DIMENSION values each. */
  readonly ours: Float32Array;
  readonly reference: { readonly frames: number; readonly data: Float32Array };
}

function smoothedLlds(samples: Float32Array, sampleRate: number): Float32Array {
  const llds = new GemapsSpectralLlds(sampleRate);
  const { frameStep } = frameGeometry(
    sampleRate,
    GEMAPS_SPECTRAL_FRAME_SECONDS,
    GEMAPS_SPECTRAL_STEP_SECONDS,
  );
  const frames = wholeFrameCount(samples.length, { frameSize: llds.frameSize, frameStep });
  const rows = Array.from({ length: frames }, (_, frame) => {
    const row = new Float32Array(llds.dimension);
    llds.process(samples, frame * frameStep, row, 0);
    return row;
  });
  const smoothed = stageRows(
    createContourSmootherStage({ inputDimension: DIMENSION, smaWin: 3 }),
    rows,
  );
  return Float32Array.from(smoothed.flat());
}

function compareFile(file: string): FileComparison {
  const audio = decodeWav(readFileSync(join(openSmileReferenceDir, "wav", `${file}.wav`)), file);
  const ours = smoothedLlds(mixToMono(audio), audio.sampleRate);
  const path = join(openSmileReferenceDir, "egemaps_v02_lld", `${file}.csv`);
  const parsed = parseOpenSmileCsv(readFileSync(path, "utf8"), path);
  const width = parsed.columns.length;
  const { frames } = parsed.features;
  const data = new Float32Array(frames * DIMENSION);
  SMOOTHED_COLUMNS.forEach((name, column) => {
    const source = parsed.columns.indexOf(name);
    for (let frame = 0; frame < frames; frame += 1) {
      data[frame * DIMENSION + column] = parsed.features.data[frame * width + source] as number;
    }
  });
  return { file, frames: ours.length / DIMENSION, ours, reference: { frames, data } };
}

describe.skipIf(!hasOpenSmileReference)("eGeMAPS v02 spectral LLDs: parity with openSMILE", () => {
  const comparisons = referenceWavNames().map(compareFile);

  it.each(comparisons.map((comparison) => [comparison.file, comparison] as const))(
    "%s: openSMILE's rows are our first rows, 4 fewer (60 ms frames are 4 steps longer)",
    (_, { frames, reference }) => {
      expect(reference.frames).toBeGreaterThan(0);
      expect(frames).toBe(reference.frames + 4);
    },
  );

  it(`stays within ${RELATIVE_TOLERANCE} of each column's range on every file`, () => {
    const low = new Array<number>(DIMENSION).fill(Number.POSITIVE_INFINITY);
    const high = new Array<number>(DIMENSION).fill(Number.NEGATIVE_INFINITY);
    const worst = new Array<number>(DIMENSION).fill(0);
    const worstFile = new Array<string>(DIMENSION).fill("");
    for (const { file, ours, reference } of comparisons) {
      reference.data.forEach((value, index) => {
        const column = index % DIMENSION;
        low[column] = Math.min(low[column] as number, value);
        high[column] = Math.max(high[column] as number, value);
        const difference = Math.abs((ours[index] as number) - value);
        if (difference >= (worst[column] as number)) {
          worst[column] = difference;
          worstFile[column] = file;
        }
      });
    }
    const ranges = high.map((value, column) => value - (low[column] as number));
    console.log("eGeMAPS v02 spectral LLDs: max |ours - openSMILE| per column over all files");
    console.table(
      SMOOTHED_COLUMNS.map((name, column) => ({
        column: name,
        maxAbsDiff: (worst[column] as number).toExponential(2),
        range: (ranges[column] as number).toPrecision(4),
        relative: ((worst[column] as number) / (ranges[column] as number)).toExponential(2),
        worstFile: worstFile[column],
      })),
    );
    worst.forEach((difference, column) => {
      expect(difference / (ranges[column] as number), SMOOTHED_COLUMNS[column]).toBeLessThan(
        RELATIVE_TOLERANCE,
      );
    });
  });
});
