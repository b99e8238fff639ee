import { describe, expect, it } from "vitest";
import { LOG_HNR_FLOOR, WaveformHnr } from "./waveform-hnr.js";

const PERIOD = 8;

/** Periods of PERIOD samples laid end to end. */
function periods(...shapes: number[][]): Float32Array {
  return Float32Array.from(shapes.flat());
}

/** The HNR of a walk that averaged the periods at 0, PERIOD, ... and stopped at the last one. */
function hnrOf(x: Float32Array, walked: number): number {
  const hnr = new WaveformHnr(PERIOD, 8);
  hnr.begin(PERIOD);
  for (let p = 0; p < walked; p += 1) hnr.addPeriod(x, 0, p * PERIOD);
  return hnr.finish(x, 0, walked * PERIOD, walked > 0 ? PERIOD : 0, x.length);
}

const A = [0, 1, 2, 3, 4, 3, 2, 1];
const B = [0, 1, 2, 5, 4, 3, 2, 1];
const C = [0, 1, 2, 3, 6, 3, 2, 1];

describe("WaveformHnr", () => {
  it("gives 20 log10 of the average period's RMS over the periods' RMS deviation from it", () => {
    const x = periods(A, B, C);
    // The end point is a third period; samples 3..5 of the average make the harmonic part, 2..5
    // of each period the noise.
    const average = A.map((a, i) => (a + (B[i] as number) + (C[i] as number)) / 3);
    const harmonic = Math.sqrt(
      [3, 4, 5].reduce((sum, i) => sum + (average[i] as number) ** 2, 0) / 4,
    );
    let noise = 0;
    for (const shape of [A, B, C]) {
      for (let i = 2; i < 6; i += 1) noise += ((shape[i] as number) - (average[i] as number)) ** 2;
    }
    const expected = 20 * Math.log10(harmonic / Math.sqrt(noise / 12));
    expect(hnrOf(x, 2)).toBeCloseTo(expected, 4);
  });

  it("gives 0 without noise: identical periods, or a walk that took no step", () => {
    expect(hnrOf(periods(A, A, A), 2)).toBe(0);
    expect(hnrOf(periods(A, B, C), 0)).toBe(0);
  });

  it("gives the floor of -100 dB when the average period is silent but the periods are not", () => {
    const up = [0, 0, 0, 1, 1, 1, 0, 0];
    const down = up.map((value) => -value);
    expect(hnrOf(periods(up, down, new Array(PERIOD).fill(0)), 2)).toBe(LOG_HNR_FLOOR);
  });
});
