import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { harmonicComplex, pureTone } from "../test/harmonic-signal.js";
import { COMPARE16_PITCH_COLUMNS, Compare16Pitch } from "./compare16-pitch.js";
import { COMPARE16_PITCH_PARAMS, GEMAPS_PITCH_PARAMS, gemapsPitchContour } from "./gemaps-pitch.js";

const RATE = 16000;
const WIDTH = COMPARE16_PITCH_COLUMNS.length;

interface Run {
  readonly rows: number[][];
  /** Rows emitted before `lateRowsFollow`, and rows emitted before `end` was called. */
  readonly onTime: number;
  readonly beforeEnd: number;
}

function run(samples: Float32Array, chunk = samples.length): Run {
  const rows: number[][] = [];
  let onTime = -1;
  const pitch = new Compare16Pitch(RATE, {
    row: (row) => rows.push([...row]),
    lateRowsFollow: () => {
      expect(onTime).toBe(-1);
      onTime = rows.length;
    },
  });
  for (let from = 0; from < samples.length; from += chunk) {
    pitch.push(samples.subarray(from, from + chunk));
  }
  const beforeEnd = rows.length;
  pitch.end();
  return { rows, onTime, beforeEnd };
}

function column(rows: readonly number[][], index: number): number[] {
  return rows.map((row) => row[index] ?? Number.NaN);
}

describe("Compare16Pitch", () => {
  it("gives one row per whole 60 ms frame, 29 frames behind, the held ones at the end", () => {
    const samples = harmonicComplex({ f0: 140, sampleRate: RATE, seconds: 1 });
    const { rows, onTime, beforeEnd } = run(samples);
    const frames = Math.floor((RATE - 960) / 160) + 1;
    expect(rows).toHaveLength(frames);
    expect(rows.every((row) => row.length === WIDTH)).toBe(true);
    expect(beforeEnd).toBe(frames - 29);
    // The rows before lateRowsFollow: those the Viterbi smoother had decided by the end.
    expect(onTime).toBeGreaterThanOrEqual(beforeEnd);
    expect(onTime).toBeLessThanOrEqual(frames);
  });

  it("gives the same rows, split at the same place, for any chunking", () => {
    const samples = harmonicComplex({ f0: 190, sampleRate: RATE, seconds: 0.6 });
    samples.fill(0, 4000, 5600);
    const whole = run(samples);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (chunk) => {
        expect(run(samples, chunk)).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });

  it("finds the F0 of a voiced signal, with small jitter and shimmer and a high HNR", () => {
    const { rows } = run(harmonicComplex({ f0: 140, sampleRate: RATE, seconds: 1 }));
    const interior = rows.slice(3, -3);
    for (const f0 of column(interior, 0)) expect(Math.abs(f0 / 140 - 1)).toBeLessThan(0.01);
    for (const voicing of column(interior, 1)) expect(voicing).toBeGreaterThan(0.7);
    // The period walk settles within a few frames of the start.
    const settled = rows.slice(5, -3);
    for (const jitter of column(settled, 2)) expect(jitter).toBeLessThan(0.001);
    for (const ddp of column(settled, 3)) expect(ddp).toBeLessThan(0.001);
    // 16000 / 140 samples a period: the sampled peaks differ by a few percent.
    for (const shimmer of column(settled, 4)) expect(shimmer).toBeLessThan(0.1);
    for (const hnr of column(settled, 5)) expect(hnr).toBeGreaterThan(20);
  });

  it("gives no row for an input shorter than a frame, and still says where late rows begin", () => {
    expect(run(new Float32Array(959))).toEqual({ rows: [], onTime: 0, beforeEnd: 0 });
  });

  it("gives zeros and a logHNR of -100 for silence", () => {
    const { rows } = run(new Float32Array(RATE));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual([0, 0, 0, 0, 0, -100]);
  });

  it("searches 52..620 Hz, where GeMAPS searches 55..1000 Hz", () => {
    const low = harmonicComplex({ f0: 53, sampleRate: RATE, seconds: 1 });
    const compare = column(run(low).rows.slice(3, -3), 0);
    expect(compare.every((f0) => Math.abs(f0 / 53 - 1) < 0.02)).toBe(true);
    const gemaps = gemapsPitchContour(low, RATE, GEMAPS_PITCH_PARAMS);
    expect(gemaps.some((value, i) => i % 3 === 0 && Math.abs(value / 53 - 1) < 0.02)).toBe(false);
    const high = run(pureTone(700, RATE, 1)).rows;
    expect(column(high, 0).every((f0) => f0 <= 620)).toBe(true);
    const gemapsHigh = gemapsPitchContour(pureTone(700, RATE, 1), RATE, GEMAPS_PITCH_PARAMS);
    expect(gemapsHigh.some((value, i) => i % 3 === 0 && Math.abs(value / 700 - 1) < 0.01)).toBe(
      true,
    );
  });

  it("uses ComParE's pitch level: no F0finalLog column", () => {
    const rows = gemapsPitchContour(new Float32Array(RATE), RATE, COMPARE16_PITCH_PARAMS);
    expect(rows.length % 2).toBe(0);
    expect(rows.length / 2).toBe(Math.floor((RATE - 960) / 160) + 1);
  });
});
