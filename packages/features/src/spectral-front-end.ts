// The per-frame chain openSMILE's spectral configs share: cVectorPreemphasis -> cWindower (Hamming)
// -> cTransformFFT -> cFFTmagphase. Exposes the windowed frame (energy) and the magnitude and
// power spectra (mel bands, autocorrelation, cepstrum) so a feature set taps them without copies.
import { MagnitudeSpectrum } from "./magnitude-spectrum.js";
import { hammingWindow } from "./window-function.js";

export interface SpectralFrontEndOptions {
  readonly frameSize: number;
  /** Pre-emphasis coefficient k (openSMILE `k`). */
  readonly preemphasis: number;
}

export class SpectralFrontEnd {
  readonly fftSize: number;
  /** The pre-emphasised, windowed frame (float32, as openSMILE's data memory holds it). */
  readonly windowed: Float32Array;
  /** fftSize / 2 + 1 magnitudes of the windowed frame. */
  readonly magnitudes: Float32Array;
  /** The magnitudes squared (float32). */
  readonly powers: Float32Array;
  private readonly k: number;
  private readonly window: Float32Array;
  private readonly spectrum: MagnitudeSpectrum;

  constructor(options: SpectralFrontEndOptions) {
    this.k = Math.fround(options.preemphasis);
    this.window = hammingWindow(options.frameSize);
    this.windowed = new Float32Array(options.frameSize);
    this.spectrum = new MagnitudeSpectrum(options.frameSize);
    this.fftSize = this.spectrum.fftSize;
    this.magnitudes = this.spectrum.magnitudes;
    this.powers = this.spectrum.powers;
  }

  /** Runs the chain on the frame of `frameSize` samples at `start`; results are in the buffers. */
  compute(samples: Float32Array, start: number): void {
    // Pre-emphasis y[0] = (1 - k) x[0], y[t] = x[t] - k x[t-1] (cVectorPreemphasis, per frame as
    // HTK does, float32 steps) and the window, fused into one pass that also fills the FFT input:
    // the hot path of every set.
    const { k, window, windowed } = this;
    const input = this.spectrum.input;
    let previous = samples[start] as number;
    let value = Math.fround(Math.fround(Math.fround(1 - k) * previous) * (window[0] as number));
    windowed[0] = value;
    input[0] = value;
    for (let t = 1; t < windowed.length; t += 1) {
      const sample = samples[start + t] as number;
      const emphasised = Math.fround(sample - Math.fround(k * previous));
      value = Math.fround(emphasised * (window[t] as number));
      windowed[t] = value;
      input[t] = value;
      previous = sample;
    }
    this.spectrum.transform();
  }
}
