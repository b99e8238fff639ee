import { describe, expect, it } from "vitest";
import { HARMONICS_OUTPUT_NAMES, Harmonics } from "./harmonics.js";

// 60 ms at 16 kHz: 960 samples in a 1024-point FFT, bins 15.625 Hz apart, F0 125 Hz = 8 bins.
const FRAME_SIZE = 960;
const BINS = 513;
const F0 = 125;
const BINS_PER_F0 = 8;

const column = (name: (typeof HARMONICS_OUTPUT_NAMES)[number]) =>
  HARMONICS_OUTPUT_NAMES.indexOf(name);
const HNR = column("HarmonicsToNoiseRatioACFLogdB");
const H1_H2 = column("HarmonicDifferenceLogRelH1-H2");
const H1_A3 = column("HarmonicDifferenceLogRelH1-A3");
const F1_AMPLITUDE = column("FormantAmplitudeByMaxHarmonicLogRelF0[1]");
const F2_AMPLITUDE = column("FormantAmplitudeByMaxHarmonicLogRelF0[2]");
const F3_AMPLITUDE = column("FormantAmplitudeByMaxHarmonicLogRelF0[3]");

/** Amplitude of the line at k F0 (k = 1 is F0). */
const amplitude = (k: number) => 1 / k;

/** Lines at every multiple of F0 up to Nyquist, nothing between. */
function lineSpectrum(sideLobe = 0): Float32Array {
  const spectrum = new Float32Array(BINS);
  for (let k = 1; k * BINS_PER_F0 < BINS - 1; k += 1) {
    const bin = k * BINS_PER_F0;
    spectrum[bin] = amplitude(k);
    spectrum[bin - 1] = sideLobe * amplitude(k);
    spectrum[bin + 1] = sideLobe * amplitude(k);
  }
  return spectrum;
}

const db = (ratio: number) => 20 * Math.log10(ratio);
const formants = (...frequencies: number[]) => Float32Array.from([...frequencies, 3500, 4500]);

describe("Harmonics", () => {
  it("gives openSMILE's unvoiced values when F0 is 0", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    harmonics.compute(0, lineSpectrum(0.5), formants(500, 1500, 2500));
    expect(Array.from(harmonics.values)).toEqual([0, 0, 0, -201, -201, -201]);
  });

  it("reads H1 and H2 as the lines at 2 F0 and 3 F0 (openSMILE's H0 is F0)", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    harmonics.compute(F0, lineSpectrum(), formants(500, 1500, 2500));
    expect(harmonics.values[H1_H2]).toBeCloseTo(db(amplitude(2) / amplitude(3)), 4);
  });

  it("takes a formant's amplitude from its strongest harmonic within +-20 %, in dB re F0", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    harmonics.compute(F0, lineSpectrum(0.5), formants(500, 1500, 2500));
    // 400-600 Hz holds only 4 F0; 1200-1800 Hz holds 10..14 F0, 2000-3000 Hz 16..24 F0.
    expect(harmonics.values[F1_AMPLITUDE]).toBeCloseTo(db(amplitude(4)), 4);
    expect(harmonics.values[F2_AMPLITUDE]).toBeCloseTo(db(amplitude(10)), 4);
    expect(harmonics.values[F3_AMPLITUDE]).toBeCloseTo(db(amplitude(16)), 4);
    expect(harmonics.values[H1_A3]).toBeCloseTo(db(amplitude(2) / amplitude(16)), 4);
  });

  it("gives 0 dB for F0 itself, 0 without a harmonic in range, and H1-A3 then H1 - 201 dB", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    const spectrum = lineSpectrum();
    // H1 12 dB above F0, so that H1 - 201 dB stays above openSMILE's -201 dB floor.
    spectrum[2 * BINS_PER_F0] = 4;
    // 104-156 Hz holds F0 (125 Hz); 152-228 Hz holds no multiple of 125 Hz.
    harmonics.compute(F0, spectrum, formants(130, 1500, 190));
    expect(harmonics.values[F1_AMPLITUDE]).toBe(0);
    expect(harmonics.values[F3_AMPLITUDE]).toBe(0);
    expect(harmonics.values[H1_A3]).toBeCloseTo(db(4) - 201, 4);
    spectrum[2 * BINS_PER_F0] = amplitude(2);
    harmonics.compute(F0, spectrum, formants(130, 1500, 190));
    expect(harmonics.values[H1_A3]).toBe(-201);
  });

  it("finds a harmonic off its expected bin at the nearest local maximum", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    const spectrum = lineSpectrum();
    spectrum[2 * BINS_PER_F0] = 0;
    spectrum[2 * BINS_PER_F0 - 2] = amplitude(2);
    harmonics.compute(F0, spectrum, formants(500, 1500, 2500));
    expect(harmonics.values[H1_H2]).toBeCloseTo(db(amplitude(2) / amplitude(3)), 4);
  });

  it("measures a harmonic at the vertex of the parabola through its peak and neighbours", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    const spectrum = lineSpectrum();
    const bin = 2 * BINS_PER_F0;
    const [left, peak, right] = [0.2, 0.5, 0.4];
    spectrum[bin - 1] = left;
    spectrum[bin] = peak;
    spectrum[bin + 1] = right;
    harmonics.compute(F0, spectrum, formants(500, 1500, 2500));
    const offset = (left - right) / (2 * (left - 2 * peak + right));
    const vertex = peak - ((left - right) * offset) / 4;
    expect(harmonics.values[H1_H2]).toBeCloseTo(db(vertex / amplitude(3)), 4);
  });

  it("caps the HNR at 110 dB for a spectrum of pure harmonic lines", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    harmonics.compute(F0, lineSpectrum(), formants(500, 1500, 2500));
    expect(harmonics.values[HNR]).toBeCloseTo(110, 4);
  });

  it("computes the HNR from the power spectrum's autocorrelation at the F0 period", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    const sideLobe = 0.5;
    harmonics.compute(F0, lineSpectrum(sideLobe), formants(500, 1500, 2500));
    // At the lag fs / F0 = 128 the lines add in phase and the side bins at cos(pi / 4).
    let lines = 0;
    for (let k = 1; k * BINS_PER_F0 < BINS - 1; k += 1) lines += amplitude(k) ** 2;
    const sides = 2 * sideLobe ** 2 * lines;
    const atPeriod = lines + Math.SQRT1_2 * sides;
    const atZero = lines + sides;
    expect(harmonics.values[HNR]).toBeCloseTo(10 * Math.log10(atPeriod / (atZero - atPeriod)), 4);
  });

  it("floors each harmonic's level at -200 dB re F0", () => {
    const harmonics = new Harmonics(FRAME_SIZE);
    const spectrum = lineSpectrum();
    spectrum[3 * BINS_PER_F0] = 1e-30;
    harmonics.compute(F0, spectrum, formants(500, 1500, 2500));
    expect(harmonics.values[H1_H2]).toBeCloseTo(db(amplitude(2)) + 200, 4);
    spectrum[2 * BINS_PER_F0] = 1e-30;
    spectrum[3 * BINS_PER_F0] = amplitude(3);
    harmonics.compute(F0, spectrum, formants(500, 1500, 2500));
    expect(harmonics.values[H1_H2]).toBeCloseTo(-200 - db(amplitude(3)), 4);
  });
});
