import { describe, expect, it } from "vitest";
import { PitchViterbiSmoother, semitonesFrom27_5Hz } from "./pitch-viterbi-smoother.js";

const CANDIDATES = 6;
const threshold = Math.fround(0.7);

interface Frame {
  readonly f0: Float32Array;
  readonly voicing: Float32Array;
}

/** Candidates as cPitchShs writes them: pairs of (Hz, voicing), the rest zero. */
function frame(...pairs: [number, number][]): Frame {
  const f0 = new Float32Array(CANDIDATES);
  const voicing = new Float32Array(CANDIDATES);
  pairs.forEach(([frequency, probability], i) => {
    f0[i] = frequency;
    voicing[i] = probability;
  });
  return { f0, voicing };
}

/** Runs frames through a smoother, taking each output as soon as it is due. */
function smooth(frames: readonly Frame[]): { rows: number[][]; dueAfter: number[] } {
  const smoother = new PitchViterbiSmoother({
    candidates: CANDIDATES,
    voicingThreshold: threshold,
  });
  const rows: number[][] = [];
  const dueAfter: number[] = [];
  const drain = (pushed: number) => {
    while (smoother.hasOutput()) {
      smoother.takeOutput();
      rows.push([...smoother.output]);
      dueAfter.push(pushed);
    }
  };
  frames.forEach((next, index) => {
    smoother.push(next.f0, next.voicing);
    drain(index + 1);
  });
  smoother.end();
  drain(frames.length);
  return { rows, dueAfter };
}

describe("PitchViterbiSmoother", () => {
  it("hands frame n out once frame n + 39 is in, and the rest at the end of input", () => {
    const frames = Array.from({ length: 100 }, () => frame([200, 0.9], [400, 0.8]));
    const { rows, dueAfter } = smooth(frames);
    expect(rows).toHaveLength(100);
    expect(dueAfter.slice(0, 61)).toEqual(Array.from({ length: 61 }, (_, n) => n + 40));
    expect(dueAfter.slice(61)).toEqual(new Array(39).fill(100));
  });

  it("gives as many rows as frames for inputs shorter than the delay, all at the end", () => {
    const { rows, dueAfter } = smooth(Array.from({ length: 7 }, () => frame([150, 0.8])));
    expect(rows).toHaveLength(7);
    expect(dueAfter).toEqual(new Array(7).fill(7));
    expect(rows.map((row) => row[0])).toEqual(new Array(7).fill(150));
  });

  it("keeps a steady contour through an isolated octave error", () => {
    const frames = Array.from({ length: 60 }, (_, n) =>
      n === 30 ? frame([400, 0.85], [200, 0.8]) : frame([200, 0.9], [400, 0.75]),
    );
    const { rows } = smooth(frames);
    expect(rows.map((row) => row[0])).toEqual(new Array(60).fill(200));
    // The voicing reported is that of the chosen candidate.
    expect(rows[30]?.[2]).toBe(Math.fround(0.8));
  });

  it("is unvoiced where no candidate reaches the threshold, reporting the best one's voicing", () => {
    const frames = Array.from({ length: 20 }, () => frame([180, 0.3], [90, 0.2]));
    const { rows } = smooth(frames);
    for (const row of rows) expect(row).toEqual([0, 0, Math.fround(0.3)]);
  });

  it("follows voiced and unvoiced stretches", () => {
    const frames = [
      ...Array.from({ length: 30 }, () => frame([220, 0.9])),
      ...Array.from({ length: 30 }, () => frame([500, 0.1])),
      ...Array.from({ length: 30 }, () => frame([110, 0.95])),
    ];
    const { rows } = smooth(frames);
    expect(rows.map((row) => row[0])).toEqual([
      ...new Array(30).fill(220),
      ...new Array(30).fill(0),
      ...new Array(30).fill(110),
    ]);
  });

  it("refuses a frame while a due output was not taken, and frames after the end", () => {
    const smoother = new PitchViterbiSmoother({
      candidates: CANDIDATES,
      voicingThreshold: threshold,
    });
    const steady = frame([200, 0.9]);
    for (let n = 0; n < 40; n += 1) smoother.push(steady.f0, steady.voicing);
    expect(smoother.hasOutput()).toBe(true);
    expect(() => smoother.push(steady.f0, steady.voicing)).toThrow(
      expect.objectContaining({ code: "INTERNAL_ERROR" }),
    );
    smoother.end();
    expect(() => smoother.push(steady.f0, steady.voicing)).toThrow(
      expect.objectContaining({ code: "STREAM_ENDED" }),
    );
  });

  it("starts afresh after reset", () => {
    const frames = Array.from({ length: 50 }, (_, n) => frame([100 + n, 0.9], [300, 0.72]));
    const first = smooth(frames).rows;
    const smoother = new PitchViterbiSmoother({
      candidates: CANDIDATES,
      voicingThreshold: threshold,
    });
    const other = frame([300, 0.9]);
    for (let n = 0; n < 10; n += 1) smoother.push(other.f0, other.voicing);
    smoother.reset();
    const rows: number[][] = [];
    for (const next of frames) {
      smoother.push(next.f0, next.voicing);
      while (smoother.hasOutput()) {
        smoother.takeOutput();
        rows.push([...smoother.output]);
      }
    }
    smoother.end();
    while (smoother.hasOutput()) {
      smoother.takeOutput();
      rows.push([...smoother.output]);
    }
    expect(rows).toEqual(first);
  });
});

describe("semitonesFrom27_5Hz", () => {
  it("gives semitones above 27.5 Hz, 1 up to 29.136 Hz and 0 when unvoiced", () => {
    expect(semitonesFrom27_5Hz(55)).toBe(12);
    expect(semitonesFrom27_5Hz(440)).toBe(48);
    expect(semitonesFrom27_5Hz(110 * 2 ** (7 / 12))).toBeCloseTo(31, 5);
    expect(semitonesFrom27_5Hz(29)).toBe(1);
    expect(semitonesFrom27_5Hz(0)).toBe(0);
  });
});
