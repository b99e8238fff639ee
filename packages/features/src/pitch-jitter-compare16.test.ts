import { describe, expect, it } from "vitest";
import { mean, pulseTrain } from "../test/pulse-train.js";
import { COMPARE16_JITTER_PARAMS, GEMAPS_JITTER_PARAMS, PitchJitter } from "./pitch-jitter.js";

const RATE = 16000;
/** A deterministic white noise in [-amplitude, amplitude]. */
function noise(length: number, amplitude: number): Float32Array {
  let seed = 7;
  return Float32Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return amplitude * (2 * (seed / 2 ** 31) - 1);
  });
}

/** ComParE's outputs of every whole 60 ms frame: jitterLocal, jitterDDP, shimmerLocal, logHNR. */
function run(samples: Float32Array, f0: (frame: number) => number): Float32Array[] {
  const jitter = new PitchJitter({ sampleRate: RATE, params: COMPARE16_JITTER_PARAMS });
  const rows: Float32Array[] = [];
  for (let k = 0; k * jitter.frameStep + jitter.frameSize <= samples.length; k += 1) {
    const row = new Float32Array(jitter.dimension);
    jitter.compute(samples, k * jitter.frameStep, f0(k), row, 0);
    rows.push(row);
  }
  return rows;
}

/** The mean of column `column` over the frames from the 10th on. */
function steady(rows: readonly Float32Array[], column: number): number {
  return mean(rows.slice(10).map((row) => row[column] ?? 0));
}

describe("PitchJitter with ComParE 2016's outputs", () => {
  it("writes the enabled outputs: GeMAPS 2, ComParE 4", () => {
    expect(new PitchJitter({ sampleRate: RATE }).dimension).toBe(2);
    const jitter = new PitchJitter({ sampleRate: RATE, params: COMPARE16_JITTER_PARAMS });
    expect(jitter.dimension).toBe(4);
  });

  it("gives as shimmerLocal the ratio whose 20 log10(1 + ratio) is GeMAPS's shimmerLocalDB", () => {
    const samples = pulseTrain([160], [1, 0.8], RATE);
    const gemaps = new PitchJitter({ sampleRate: RATE, params: GEMAPS_JITTER_PARAMS });
    const row = new Float32Array(2);
    gemaps.compute(samples, 0, 100, row, 0);
    const ratio = run(samples, () => 100)[0]?.[2] ?? 0;
    expect(row[1]).toBeCloseTo(20 * Math.log10(1 + ratio), 5);
  });

  it("gives zeros and a logHNR of -100 for unvoiced frames", () => {
    const rows = run(pulseTrain([150, 170], [1, 0.8], RATE), (k) => (k < 5 ? 0 : 100));
    for (const row of rows.slice(0, 5)) expect(Array.from(row)).toEqual([0, 0, 0, -100]);
  });

  it("measures shimmerLocal as the ratio 2|a - b| / (a + b) of alternating amplitudes", () => {
    const rows = run(pulseTrain([160], [1, 0.8], RATE), () => 100);
    for (const row of rows) expect(row[2]).toBeCloseTo(0.4 / 1.8, 5);
  });

  it("measures jitterDDP as the mean change of consecutive period differences / mean T", () => {
    // Alternating 150/170 samples: every difference is 20, so they never change.
    expect(
      steady(
        run(pulseTrain([150, 170], [1], RATE), () => 100),
        1,
      ),
    ).toBeLessThan(1e-3);
    // 150, 160, 170: differences 10, 10, 20, changes 0, 10, 10: 20 / 3 / 160 = 0.042, as the
    // correlation search (two windows of equal length) sees the periods, within 10 %.
    const ddp = steady(
      run(pulseTrain([150, 160, 170], [1], RATE), () => 100),
      1,
    );
    expect(Math.abs(ddp / (20 / 3 / 160) - 1)).toBeLessThan(0.1);
  });

  it("starts jitterDDP afresh after an unvoiced frame: it needs three periods again", () => {
    const samples = pulseTrain([150, 160, 170], [1], RATE);
    const rows = run(samples, (k) => (k >= 20 && k < 25 ? 0 : 100));
    expect(rows[25]?.[1]).toBe(0);
    expect(rows[30]?.[1]).toBeGreaterThan(0);
  });

  it("leaves logHNR at 0 when the periods repeat exactly (no noise energy)", () => {
    const rows = run(pulseTrain([160], [1], RATE), () => 100);
    for (const row of rows) expect(row[3]).toBe(0);
  });

  it("gives logHNR in dB of the periodic part over the noise: 6 dB less per doubling", () => {
    const clean = pulseTrain([160], [0.5], RATE);
    const withNoise = (amplitude: number) => {
      const noisy = noise(clean.length, amplitude).map((value, t) => value + (clean[t] ?? 0));
      return steady(
        run(noisy, () => 100),
        3,
      );
    };
    const low = withNoise(0.01);
    const high = withNoise(0.02);
    expect(low).toBeGreaterThan(15);
    expect(low - high).toBeGreaterThan(5);
    expect(low - high).toBeLessThan(7);
  });
});
