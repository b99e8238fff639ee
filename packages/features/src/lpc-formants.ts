// openSMILE's cFormantLpc (root method, no smoothing): formant frequencies and bandwidths from
// the roots of the LPC polynomial. As there, the polynomial is built from the negated
// coefficients in reverse order with a leading 1: x^p - a1 x^(p-1) - ... - ap, which is not A(z)'s
// z^p + a1 z^(p-1) + ... (cLpc's sign) but what GeMAPS's formants are defined by. Noise through
// resonances at 500/1500/2500 Hz measures 367/1355/2454 Hz here and 365/1353/2449 Hz in
// SMILExtract; A(z)'s own poles would give 517/1491/2448. Roots outside the unit circle are reflected
// inside (smileMath_complexIntoUnitCircle), every root with a non-negative imaginary part whose
// angle lies in [minF, maxF] is a formant (smileDsp_lpcrootsToFormants: frequency = angle / 2 pi T,
// bandwidth = -ln|root| / pi T), at most `count` of them, sorted by frequency; missing ones are 0.
import { polynomialRoots } from "./polynomial-roots.js";

export interface LpcFormantsOptions {
  /** Formants kept (openSMILE `nFormants`). */
  readonly count: number;
  readonly minFrequency: number;
  readonly maxFrequency: number;
  /** Sample rate of the signal the LPC coefficients describe. */
  readonly sampleRate: number;
}

export class LpcFormants {
  /** Formant frequencies in Hz, ascending, 0 where fewer were found (float32, as stored). */
  readonly frequencies: Float32Array;
  /** The bandwidth of each formant in Hz, in the same order. */
  readonly bandwidths: Float32Array;
  /** x^p - a1 x^(p-1) - ... - ap in ascending powers, rebuilt per frame (p + 1 values). */
  private polynomial = new Float64Array(0);
  private readonly minFrequency: number;
  private readonly maxFrequency: number;
  private readonly period: number;

  constructor(options: LpcFormantsOptions) {
    this.frequencies = new Float32Array(options.count);
    this.bandwidths = new Float32Array(options.count);
    this.period = 1 / options.sampleRate;
    this.minFrequency = options.minFrequency;
    // smileDsp_lpcrootsToFormants: a band beyond the sample rate falls back to [min, Nyquist - min].
    this.maxFrequency =
      options.maxFrequency < options.minFrequency || options.maxFrequency > options.sampleRate
        ? 0.5 * options.sampleRate - options.minFrequency
        : options.maxFrequency;
  }

  /** Formants of the LPC coefficients a1..ap (LinearPrediction's sign convention). */
  compute(lpc: Float32Array): void {
    const { frequencies, bandwidths, period } = this;
    frequencies.fill(0);
    bandwidths.fill(0);
    if (lpc.every((a) => a === 0)) return; // x^p: every root is 0, no formant
    const order = lpc.length;
    if (this.polynomial.length !== order + 1) this.polynomial = new Float64Array(order + 1);
    const { polynomial } = this;
    for (let i = 0; i < order; i += 1) polynomial[i] = -(lpc[order - i - 1] as number);
    polynomial[order] = 1;
    const roots = polynomialRoots(polynomial);
    let found = 0;
    for (let i = 0; i < order && found < frequencies.length; i += 1) {
      let re = roots.re[i] as number;
      let im = roots.im[i] as number;
      let magnitude = Math.hypot(re, im);
      if (magnitude > 1) {
        // 1 / conj(root): same angle, magnitude inverted
        re /= magnitude * magnitude;
        im /= magnitude * magnitude;
        magnitude = 1 / magnitude;
      }
      if (im < 0) continue;
      const frequency = Math.abs(Math.atan2(im, re)) / (2 * Math.PI * period);
      if (frequency < this.minFrequency || frequency > this.maxFrequency) continue;
      // Insertion into the ascending list (at most `count` formants).
      let at = found;
      while (at > 0 && (frequencies[at - 1] as number) > frequency) {
        frequencies[at] = frequencies[at - 1] as number;
        bandwidths[at] = bandwidths[at - 1] as number;
        at -= 1;
      }
      frequencies[at] = frequency;
      bandwidths[at] = -Math.log(magnitude) / (Math.PI * period);
      found += 1;
    }
  }
}
