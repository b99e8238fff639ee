import { describe, expect, it } from "vitest";
import { harmonicComplex, pureTone } from "../test/harmonic-signal.js";
import { wholeFrameCount } from "./framing.js";
import { GEMAPS_PITCH_COLUMNS, GemapsPitch, gemapsPitchContour } from "./gemaps-pitch.js";

const width = GEMAPS_PITCH_COLUMNS.length;

function column(rows: Float32Array, index: number): number[] {
  return Array.from(
    { length: rows.length / width },
    (_, frame) => rows[frame * width + index] ?? 0,
  );
}

/** The frames away from the signal's edges. */
function interior(values: number[]): number[] {
  return values.slice(3, -3);
}

describe("GemapsPitch", () => {
  it.each([8000, 16000, 44100])("finds the F0 of a 140 Hz harmonic complex at %i Hz", (rate) => {
    const rows = gemapsPitchContour(
      harmonicComplex({ f0: 140, sampleRate: rate, seconds: 0.5 }),
      rate,
    );
    const semitones = 12 * Math.log2(140 / 27.5);
    for (const f0 of interior(column(rows, 0))) expect(Math.abs(f0 / 140 - 1)).toBeLessThan(0.01);
    for (const log of interior(column(rows, 1)))
      expect(Math.abs(log - semitones)).toBeLessThan(0.2);
    for (const voicing of interior(column(rows, 2))) expect(voicing).toBeGreaterThan(0.7);
  });

  it("finds a pure 440 Hz tone", () => {
    const rows = gemapsPitchContour(pureTone(440, 16000, 1), 16000);
    for (const f0 of interior(column(rows, 0))) expect(Math.abs(f0 / 440 - 1)).toBeLessThan(0.01);
  });

  it("gives zero rows for digital silence and for dither, whose energy is below the gate", () => {
    const silence = gemapsPitchContour(new Float32Array(16000), 16000);
    expect(silence.length / width).toBe(95);
    expect(silence.every((value) => value === 0)).toBe(true);
    let seed = 1;
    const dither = Float32Array.from({ length: 16000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return ((seed % 3) - 1) / 32767;
    });
    expect(gemapsPitchContour(dither, 16000).every((value) => value === 0)).toBe(true);
  });

  it("zeroes a voiced frame whose windowed RMS is not above 0.001", () => {
    const quiet = harmonicComplex({ f0: 140, sampleRate: 16000, seconds: 0.5, amplitude: 0.0005 });
    expect(gemapsPitchContour(quiet, 16000).every((value) => value === 0)).toBe(true);
    const louder = harmonicComplex({ f0: 140, sampleRate: 16000, seconds: 0.5, amplitude: 0.02 });
    expect(interior(column(gemapsPitchContour(louder, 16000), 0)).every((f0) => f0 > 0)).toBe(true);
  });

  it("gives one row per whole 60 ms frame: 7 for 120 ms, none below 60 ms", () => {
    const short = harmonicComplex({ f0: 120, sampleRate: 16000, seconds: 0.12 });
    expect(gemapsPitchContour(short, 16000).length / width).toBe(7);
    expect(gemapsPitchContour(short.subarray(0, 959), 16000)).toHaveLength(0);
  });

  it("streams frame by frame with a fixed delay of 39 frames, as batch extraction", () => {
    const rate = 16000;
    const samples = harmonicComplex({ f0: 180, sampleRate: rate, seconds: 1.2 });
    const batch = gemapsPitchContour(samples, rate);
    const pitch = new GemapsPitch(rate);
    expect(pitch.delay).toBe(39);
    const { frameSize, frameStep } = pitch.geometry;
    const frame = new Float32Array(frameSize);
    const streamed: number[] = [];
    const frames = wholeFrameCount(samples.length, pitch.geometry);
    for (let n = 0; n < frames; n += 1) {
      // A frame as a stream would hold it: copied out of its chunk.
      frame.set(samples.subarray(n * frameStep, n * frameStep + frameSize));
      pitch.pushFrame(frame, 0);
      expect(pitch.hasOutput()).toBe(n >= pitch.delay);
      while (pitch.hasOutput()) {
        pitch.takeOutput();
        streamed.push(...pitch.output);
      }
    }
    pitch.end();
    while (pitch.hasOutput()) {
      pitch.takeOutput();
      streamed.push(...pitch.output);
    }
    expect(Float32Array.from(streamed)).toEqual(batch);
  });
});
