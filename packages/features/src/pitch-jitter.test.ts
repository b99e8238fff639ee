import { describe, expect, it } from "vitest";
import { mean, pulseTrain } from "../test/pulse-train.js";
import { PITCH_JITTER_DIMENSION, PitchJitter } from "./pitch-jitter.js";

const RATE = 16000;
/** Runs every whole 60 ms frame of `samples` with the F0 `f0(k)`: [jitterLocal, shimmerLocalDB]. */
function run(samples: Float32Array, f0: (frame: number) => number): Float32Array[] {
  const jitter = new PitchJitter({ sampleRate: RATE });
  const rows: Float32Array[] = [];
  for (let k = 0; k * jitter.frameStep + jitter.frameSize <= samples.length; k += 1) {
    const row = new Float32Array(PITCH_JITTER_DIMENSION);
    jitter.compute(samples, k * jitter.frameStep, f0(k), row, 0);
    rows.push(row);
  }
  return rows;
}

describe("PitchJitter", () => {
  it("uses GeMAPS's 60 ms frames every 10 ms", () => {
    const jitter = new PitchJitter({ sampleRate: 44100 });
    expect(jitter.frameSize).toBe(2646);
    expect(jitter.frameStep).toBe(441);
  });

  it("gives zero jitter and 0 dB shimmer for a strictly periodic signal", () => {
    const rows = run(pulseTrain([160], [1], RATE), () => 100);
    for (const row of rows) expect(Array.from(row)).toEqual([0, 0]);
  });

  it("measures alternating period lengths as jitter near |T1 - T2| / mean T", () => {
    const steady = (periods: number[]) =>
      mean(
        run(pulseTrain(periods, [1], RATE), () => 100)
          .slice(10)
          .map((row) => row[0] ?? 0),
      );
    // 150/170 samples: 20 / 160 = 0.125; 155/165: 0.0625. The correlation search, which compares
    // two windows of equal length, sees slightly less.
    expect(steady([150, 170])).toBeGreaterThan(0.11);
    expect(steady([150, 170])).toBeLessThan(0.125);
    expect(steady([155, 165])).toBeGreaterThan(0.055);
    expect(steady([155, 165])).toBeLessThan(0.0625);
  });

  it("measures alternating amplitudes as shimmer 20 log10(1 + 2|a - b| / (a + b)) dB", () => {
    const rows = run(pulseTrain([160], [1, 0.8], RATE), () => 100);
    const expected = 20 * Math.log10(1 + 0.4 / 1.8);
    for (const row of rows) {
      expect(row[0]).toBeCloseTo(0, 5);
      expect(row[1]).toBeCloseTo(expected, 5);
    }
  });

  it("outputs zeros for unvoiced frames and starts afresh after them", () => {
    const samples = pulseTrain([150, 170], [1, 0.8], RATE);
    const voicedThroughout = run(samples, () => 100);
    const withGap = run(samples, (k) => (k >= 20 && k < 25 ? 0 : 100));
    for (let k = 20; k < 25; k += 1) expect(Array.from(withGap[k] ?? [])).toEqual([0, 0]);
    // The first voiced frame finds one period, with no previous one to compare it to.
    expect(withGap[25]?.[0]).toBe(0);
    expect(withGap[25]?.[1]).toBeGreaterThan(0);
    expect(Array.from(withGap[19] ?? [])).toEqual(Array.from(voicedThroughout[19] ?? []));
  });

  it("repeats the last voiced values when a voiced frame has no period to match", () => {
    const samples = pulseTrain([150, 170], [1, 0.8], RATE);
    samples.fill(0, 30 * 160, 45 * 160);
    const rows = run(samples, () => 100);
    const last = Array.from(rows[28] ?? []);
    expect(last[0]).toBeGreaterThan(0);
    // Frames reading only silence find no correlation peak: the last measured values hold.
    for (let k = 30; k < 45; k += 1) expect(Array.from(rows[k] ?? [])).toEqual(last);
    expect(rows[45]?.[0]).not.toBe(last[0]);
  });

  it("needs only each frame's own samples: frames given as separate copies match", () => {
    const samples = pulseTrain([150, 171, 158], [1, 0.7, 0.9], RATE);
    const whole = run(samples, (k) => (k % 17 < 3 ? 0 : 98 + (k % 5)));
    const jitter = new PitchJitter({ sampleRate: RATE });
    const { frameSize, frameStep } = jitter;
    const row = new Float32Array(PITCH_JITTER_DIMENSION + 1);
    whole.forEach((expected, k) => {
      const copy = new Float32Array(frameSize + 3);
      copy.set(samples.subarray(k * frameStep, k * frameStep + frameSize), 3);
      jitter.compute(copy, 3, k % 17 < 3 ? 0 : 98 + (k % 5), row, 1);
      expect(Array.from(row.subarray(1))).toEqual(Array.from(expected));
    });
  });

  it("takes F0 below minF0 as unvoiced", () => {
    const rows = run(pulseTrain([160], [1, 0.8], RATE), () => 20);
    for (const row of rows) expect(Array.from(row)).toEqual([0, 0]);
  });
});
