// The two cAcf components of IS09's pitch chain, for one frame from its power spectrum:
// - the autocorrelation (usePower=1, cepstrum=0): the inverse transform of the power spectrum
//   (Wiener-Khinchin), |.| and scaled by 1/bins;
// - the real cepstrum (usePower=1, cepstrum=1): the inverse transform of log(power + 1), scaled
//   by 1/bins, sign kept.
// Both inverses run in one complex FFT (the two real sequences as its real and imaginary parts).
import FFT from "fft.js";

/**
 * The inverse real transform cAcf applies to an even spectrum given as its n/2+1
 * non-negative-frequency bins S_0..S_{n/2}: Ooura's rdft(n, -1), which yields
 * a[j] = S_0/2 + S_{n/2}(-1)^j/2 + sum_{k=1}^{n/2-1} S_k cos(2 pi j k / n), i.e. half the sum over
 * the full symmetric spectrum. cAcf keeps the first n/2 lags and divides them by the bin count
 * (acfCepsNormOutput=1).
 *
 * That sum is a type-I DCT of N + 1 = n/2 + 1 points, computed with an N-point DFT of real input
 * (half the size of the n-point transform cAcf runs): the spectrum folded as
 * u_k = (S_k + S_{N-k})/2 - sin(pi k/N)(S_k - S_{N-k}) has DFT U with a[2m] = Re U_m and
 * a[2m+1] = a[2m-1] - Im U_m, starting from a[1] summed directly. Two spectra S and T folded to
 * u and v share one complex DFT Z of u + i v: U_m = (Z_m + conj Z_{N-m}) / 2 and
 * V_m = (Z_m - conj Z_{N-m}) / 2i.
 */
export class AcfAndCepstrum {
  readonly fftSize: number;
  /** Lags (and cepstral coefficients) per frame: fftSize / 2. */
  readonly lags: number;
  readonly #bins: number;
  readonly #inverseBins: number;
  readonly #fft: FFT;
  /** The two spectra to transform (bins 0..n/2): the power and log(power + 1). */
  readonly #power: Float64Array;
  readonly #logPower: Float64Array;
  /** u + i v, interleaved re/im as fft.js takes it. */
  readonly #packed: Float64Array;
  readonly #transformed: Float64Array;
  /** sin(pi k / N) and cos(pi k / N), k < N. */
  readonly #sine: Float64Array;
  readonly #cosine: Float64Array;

  constructor(fftSize: number) {
    this.fftSize = fftSize;
    const half = fftSize / 2;
    this.lags = half;
    this.#bins = half + 1;
    this.#inverseBins = 1 / this.#bins;
    this.#fft = new FFT(half);
    this.#power = new Float64Array(half + 1);
    this.#logPower = new Float64Array(half + 1);
    this.#packed = new Float64Array(2 * half);
    this.#transformed = new Float64Array(2 * half);
    this.#sine = Float64Array.from({ length: half }, (_, k) => Math.sin((Math.PI * k) / half));
    this.#cosine = Float64Array.from({ length: half }, (_, k) => Math.cos((Math.PI * k) / half));
  }

  /**
   * `power`: the frame's fftSize / 2 + 1 squared FFT magnitudes in float32
   * (`MagnitudeSpectrum.powers`). Writes fftSize / 2 values each to `acf` and `cepstrum`.
   */
  compute(power: Float32Array, acf: Float32Array, cepstrum: Float32Array): void {
    const half = this.lags;
    const spectrum = this.#power;
    const logSpectrum = this.#logPower;
    for (let k = 0; k <= half; k++) {
      const p = power[k] as number;
      spectrum[k] = p;
      // log(p + 1) keeps silent bins at 0 instead of -inf; cAcf also maps p <= 0 to exactly 0.
      logSpectrum[k] = p > 0 ? Math.fround(Math.log(p + 1)) : 0;
    }
    const packed = this.#packed;
    const sine = this.#sine;
    const cosine = this.#cosine;
    const first = spectrum[0] as number;
    const last = spectrum[half] as number;
    const logFirst = logSpectrum[0] as number;
    const logLast = logSpectrum[half] as number;
    packed[0] = (first + last) / 2;
    packed[1] = (logFirst + logLast) / 2;
    let odd = (first - last) / 2;
    let logOdd = (logFirst - logLast) / 2;
    for (let k = 1; k < half; k++) {
      const s = sine[k] as number;
      const c = cosine[k] as number;
      const value = spectrum[k] as number;
      const mirrored = spectrum[half - k] as number;
      packed[2 * k] = (value + mirrored) / 2 - s * (value - mirrored);
      odd += value * c;
      const logValue = logSpectrum[k] as number;
      const logMirrored = logSpectrum[half - k] as number;
      packed[2 * k + 1] = (logValue + logMirrored) / 2 - s * (logValue - logMirrored);
      logOdd += logValue * c;
    }
    const z = this.#transformed;
    this.#fft.transform(z, packed);
    // x / bins as x * (1 / bins): for a float32 x and an odd divisor d (bins = 2^j + 1) the exact
    // quotient lies at least 2^-25 / d (relative) from any float32 rounding midpoint, far more
    // than the product's double rounding error (2^-52): the float32 result is the division's.
    const scale = this.#inverseBins;
    const f = Math.fround;
    acf[0] = Math.abs(f(f(z[0] as number) * scale));
    acf[1] = Math.abs(f(f(odd) * scale));
    cepstrum[0] = f(f(z[1] as number) * scale);
    cepstrum[1] = f(f(logOdd) * scale);
    for (let m = 1; m < half / 2; m++) {
      const zr = z[2 * m] as number;
      const zi = z[2 * m + 1] as number;
      const cr = z[2 * (half - m)] as number;
      const ci = z[2 * (half - m) + 1] as number;
      odd -= (zi - ci) / 2;
      logOdd -= (cr - zr) / 2;
      acf[2 * m] = Math.abs(f(f((zr + cr) / 2) * scale));
      acf[2 * m + 1] = Math.abs(f(f(odd) * scale));
      cepstrum[2 * m] = f(f((zi + ci) / 2) * scale);
      cepstrum[2 * m + 1] = f(f(logOdd) * scale);
    }
  }
}
