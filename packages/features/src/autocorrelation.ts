// Autocorrelation of a frame from its FFT magnitude, as openSMILE's cAcf computes it (usePower=1,
// cepstrum=0): the inverse transform of the power spectrum (Wiener-Khinchin), scaled by 1/bins.
import FFT from "fft.js";

/**
 * The inverse real transform openSMILE's cAcf applies to an even spectrum given as its n/2+1
 * non-negative-frequency bins S_0..S_{n/2}: Ooura's rdft(n, -1), which yields
 * a[j] = S_0/2 + S_{n/2}(-1)^j/2 + sum_{k=1}^{n/2-1} S_k cos(2 pi j k / n), i.e. half the sum over
 * the full symmetric spectrum. cAcf keeps the first n/2 lags and divides them by the bin count
 * (acfCepsNormOutput=1). One forward real FFT of the symmetric extension computes it.
 */
export class EvenSpectrumInverse {
  readonly fftSize: number;
  readonly bins: number;
  readonly #fft: FFT;
  readonly #symmetric: Float64Array;
  readonly #transformed: Float64Array;

  constructor(fftSize: number) {
    this.fftSize = fftSize;
    this.bins = fftSize / 2 + 1;
    this.#fft = new FFT(fftSize);
    this.#symmetric = new Float64Array(fftSize);
    this.#transformed = new Float64Array(2 * fftSize);
  }

  /** The bins to transform (0..n/2); fill it, then call `transformTo`. */
  get spectrum(): Float64Array {
    return this.#symmetric;
  }

  /**
   * Writes the n/2 normalised lags a[j] / bins into `lags` (float32, like openSMILE's data memory);
   * `absolute` takes |a[j]| as cAcf does for the ACF but not for the cepstrum.
   */
  transformTo(lags: Float32Array, absolute: boolean): void {
    const n = this.fftSize;
    const symmetric = this.#symmetric;
    for (let k = 1; k < n / 2; k++) symmetric[n - k] = symmetric[k] as number;
    this.#fft.realTransform(this.#transformed, symmetric);
    const transformed = this.#transformed;
    const half = n / 2;
    for (let j = 0; j < half; j++) {
      const lag = Math.fround(Math.fround((transformed[2 * j] as number) / 2) / this.bins);
      lags[j] = absolute ? Math.abs(lag) : lag;
    }
  }
}

/** Autocorrelation lags 0..n/2-1 of a frame from its n/2+1 FFT magnitude bins. */
export class Autocorrelation {
  readonly #inverse: EvenSpectrumInverse;

  constructor(fftSize: number) {
    this.#inverse = new EvenSpectrumInverse(fftSize);
  }

  get lags(): number {
    return this.#inverse.fftSize / 2;
  }

  compute(magnitude: Float32Array, acf: Float32Array): void {
    const spectrum = this.#inverse.spectrum;
    for (let k = 0; k < this.#inverse.bins; k++) {
      const m = magnitude[k] as number;
      spectrum[k] = Math.fround(m * m);
    }
    this.#inverse.transformTo(acf, true);
  }
}
