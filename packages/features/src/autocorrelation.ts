// Autocorrelation of a frame from its FFT magnitude, as openSMILE's cAcf computes it (usePower=1,
// cepstrum=0): the inverse transform of the power spectrum (Wiener-Khinchin), scaled by 1/bins.
import FFT from "fft.js";

/**
 * The inverse real transform openSMILE's cAcf applies to an even spectrum given as its n/2+1
 * non-negative-frequency bins S_0..S_{n/2}: Ooura's rdft(n, -1), which yields
 * a[j] = S_0/2 + S_{n/2}(-1)^j/2 + sum_{k=1}^{n/2-1} S_k cos(2 pi j k / n), i.e. half the sum over
 * the full symmetric spectrum. cAcf keeps the first n/2 lags and divides them by the bin count
 * (acfCepsNormOutput=1).
 *
 * That sum is a type-I DCT of N + 1 = n/2 + 1 points, computed here with one real FFT of N points
 * (half the size of the n-point transform cAcf runs): the spectrum folded as
 * u_k = (S_k + S_{N-k})/2 - sin(pi k/N)(S_k - S_{N-k}) has DFT U with a[2m] = Re U_m and
 * a[2m+1] = a[2m-1] - Im U_m, starting from a[1] summed directly.
 */
export class EvenSpectrumInverse {
  readonly fftSize: number;
  readonly bins: number;
  readonly #half: number;
  readonly #inverseBins: number;
  readonly #fft: FFT;
  readonly #spectrum: Float64Array;
  readonly #folded: Float64Array;
  readonly #transformed: Float64Array;
  /** sin(pi k / N) and cos(pi k / N), k < N. */
  readonly #sine: Float64Array;
  readonly #cosine: Float64Array;

  constructor(fftSize: number) {
    this.fftSize = fftSize;
    this.bins = fftSize / 2 + 1;
    const half = fftSize / 2;
    this.#half = half;
    this.#inverseBins = 1 / this.bins;
    this.#fft = new FFT(half);
    this.#spectrum = new Float64Array(half + 1);
    this.#folded = new Float64Array(half);
    this.#transformed = new Float64Array(2 * half);
    this.#sine = Float64Array.from({ length: half }, (_, k) => Math.sin((Math.PI * k) / half));
    this.#cosine = Float64Array.from({ length: half }, (_, k) => Math.cos((Math.PI * k) / half));
  }

  /** The bins to transform (0..n/2); fill it, then call `transformTo`. */
  get spectrum(): Float64Array {
    return this.#spectrum;
  }

  /**
   * Writes the n/2 normalised lags a[j] / bins into `lags` (float32, like openSMILE's data memory);
   * `absolute` takes |a[j]| as cAcf does for the ACF but not for the cepstrum.
   */
  transformTo(lags: Float32Array, absolute: boolean): void {
    const half = this.#half;
    const spectrum = this.#spectrum;
    const folded = this.#folded;
    const sine = this.#sine;
    const cosine = this.#cosine;
    const first = spectrum[0] as number;
    const last = spectrum[half] as number;
    folded[0] = (first + last) / 2;
    let odd = (first - last) / 2;
    for (let k = 1; k < half; k++) {
      const value = spectrum[k] as number;
      const mirrored = spectrum[half - k] as number;
      folded[k] = (value + mirrored) / 2 - (sine[k] as number) * (value - mirrored);
      odd += value * (cosine[k] as number);
    }
    const transformed = this.#transformed;
    this.#fft.realTransform(transformed, folded);
    // x / bins as x * (1 / bins): for a float32 x and an odd divisor d (bins = 2^j + 1) the exact
    // quotient lies at least 2^-25 / d (relative) from any float32 rounding midpoint, far more
    // than the product's double rounding error (2^-52): the float32 result is the division's.
    const scale = this.#inverseBins;
    for (let m = 0; m < half / 2; m++) {
      if (m > 0) odd -= transformed[2 * m + 1] as number;
      const even = Math.fround(Math.fround(transformed[2 * m] as number) * scale);
      const next = Math.fround(Math.fround(odd) * scale);
      lags[2 * m] = absolute ? Math.abs(even) : even;
      lags[2 * m + 1] = absolute ? Math.abs(next) : next;
    }
  }
}

/** Autocorrelation lags 0..n/2-1 of a frame from its n/2+1 power spectrum bins. */
export class Autocorrelation {
  readonly #inverse: EvenSpectrumInverse;

  constructor(fftSize: number) {
    this.#inverse = new EvenSpectrumInverse(fftSize);
  }

  get lags(): number {
    return this.#inverse.fftSize / 2;
  }

  /** `power`: the frame's squared FFT magnitudes in float32 (`MagnitudeSpectrum.powers`). */
  compute(power: Float32Array, acf: Float32Array): void {
    const spectrum = this.#inverse.spectrum;
    for (let k = 0; k < this.#inverse.bins; k++) spectrum[k] = power[k] as number;
    this.#inverse.transformTo(acf, true);
  }
}
