// Real cepstrum of a frame from its FFT magnitude, as openSMILE's cAcf computes it with cepstrum=1
// and usePower=1 (the IS09 setting): the inverse transform of log(power + 1), scaled by 1/bins.
import { EvenSpectrumInverse } from "./autocorrelation.js";

/** Cepstral coefficients 0..n/2-1 of a frame from its n/2+1 power spectrum bins. */
export class RealCepstrum {
  readonly #inverse: EvenSpectrumInverse;

  constructor(fftSize: number) {
    this.#inverse = new EvenSpectrumInverse(fftSize);
  }

  get coefficients(): number {
    return this.#inverse.fftSize / 2;
  }

  /** `power`: the frame's squared FFT magnitudes in float32 (`MagnitudeSpectrum.powers`). */
  compute(power: Float32Array, cepstrum: Float32Array): void {
    const spectrum = this.#inverse.spectrum;
    for (let k = 0; k < this.#inverse.bins; k++) {
      const p = power[k] as number;
      // log(p + 1) keeps silent bins at 0 instead of -inf; cAcf also maps p <= 0 to exactly 0.
      spectrum[k] = p > 0 ? Math.fround(Math.log(p + 1)) : 0;
    }
    this.#inverse.transformTo(cepstrum, false);
  }
}
