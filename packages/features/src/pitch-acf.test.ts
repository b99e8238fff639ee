import { describe, expect, it } from "vitest";
import { PitchAcf, type PitchAcfOptions } from "./pitch-acf.js";

const IS09_16K: PitchAcfOptions = {
  maxPitch: 500,
  voicingCutoff: 0.55,
  frameSizeSeconds: 0.025,
  frameSize: 400,
  fftSize: 512,
};

/** An ACF whose highest peak past lag 0 is `voicing` at `lag`, and a cepstrum peaking at `lag`. */
function periodicFrame(lag: number, voicing = 0.9, half = 256) {
  const acf = new Float32Array(half);
  acf[0] = 1;
  acf[lag] = voicing;
  const cepstrum = new Float32Array(half);
  cepstrum[lag] = 1;
  return { acf, cepstrum };
}

function run(pitch: PitchAcf, frames: { acf: Float32Array; cepstrum: Float32Array }[]) {
  const result = { voiceProb: 0, f0: 0 };
  return frames.map(({ acf, cepstrum }) => {
    pitch.process(acf, cepstrum, result);
    return { ...result };
  });
}

describe("PitchAcf", () => {
  it("reports F0 = rate / cepstral lag, one frame after the voicing decision", () => {
    const out = run(new PitchAcf(IS09_16K), [
      periodicFrame(80),
      periodicFrame(80),
      periodicFrame(80),
    ]);
    expect(out.map((o) => o.voiceProb)).toEqual([0.9, 0.9, 0.9].map(Math.fround));
    expect(out[0]?.f0).toBe(0);
    expect(out[1]?.f0).toBeCloseTo(200, 3);
    expect(out[2]?.f0).toBeCloseTo(200, 3);
  });

  it("is unvoiced (F0 0) below the voicing cutoff and for silence", () => {
    const silent = { acf: new Float32Array(256), cepstrum: new Float32Array(256) };
    const out = run(new PitchAcf(IS09_16K), [
      periodicFrame(80, 0.5),
      periodicFrame(80, 0.5),
      silent,
      silent,
    ]);
    expect(out.map((o) => o.f0)).toEqual([0, 0, 0, 0]);
    expect(out[2]?.voiceProb).toBe(0);
  });

  it("ignores cepstral peaks above maxPitch", () => {
    // 500 Hz at 16 kHz is lag 32; the search for the peak starts past it
    const out = run(new PitchAcf(IS09_16K), [periodicFrame(30), periodicFrame(30)]);
    expect(out[1]?.f0).toBe(0);
  });

  it("replaces a jump of more than 40% from the running mean by the mean", () => {
    const frames = [
      periodicFrame(80),
      periodicFrame(80),
      periodicFrame(80),
      periodicFrame(40),
      periodicFrame(80),
    ];
    const out = run(new PitchAcf(IS09_16K), frames);
    // the 400 Hz frame (lag 40) is reported as the 200 Hz mean one frame later
    expect(out[4]?.f0).toBeCloseTo(200, 3);
  });

  it("uses openSMILE's sample period (framer seconds / rounded frame samples), not 1 / rate", () => {
    // 44.1 kHz: the 25 ms frame rounds to 1103 samples, so openSMILE's period is 0.025 / 1103 s
    const options = { ...IS09_16K, frameSize: 1103, fftSize: 2048 };
    const out = run(new PitchAcf(options), [
      periodicFrame(200, 0.9, 1024),
      periodicFrame(200, 0.9, 1024),
    ]);
    expect(out[1]?.f0).toBeCloseTo(1103 / (0.025 * 200), 2);
    expect(Math.abs((out[1]?.f0 ?? 0) - 44100 / 200)).toBeGreaterThan(0.1);
  });

  it("starts a new contour after reset", () => {
    const pitch = new PitchAcf(IS09_16K);
    run(pitch, [periodicFrame(80), periodicFrame(80)]);
    pitch.reset();
    expect(run(pitch, [periodicFrame(80)])[0]?.f0).toBe(0);
  });
});
