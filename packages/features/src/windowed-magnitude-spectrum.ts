// cWindower -> cTransformFFT -> cFFTmagphase on the raw frame (no pre-emphasis), as GeMAPS's
// 20 ms Hamming and 60 ms Gaussian chains compute it. GeMAPS centres the frame in the zero
// padding (zeroPadSymmetric = 1); a shift in time changes only the phase, so the magnitudes are
// those of the frame padded at its end, which MagnitudeSpectrum computes faster.
import { MagnitudeSpectrum } from "./magnitude-spectrum.js";

export class WindowedMagnitudeSpectrum {
  readonly fftSize: number;
  /** fftSize / 2 + 1 magnitudes of the last frame (float32, no normalisation). */
  readonly magnitudes: Float32Array;
  /** The magnitudes squared in float32. */
  readonly powers: Float32Array;
  /** The windowed frame (float32, as openSMILE's data memory holds it). */
  readonly windowed: Float32Array;
  protected readonly window: Float32Array;
  protected readonly spectrum: MagnitudeSpectrum;

  /** `window` has the frame's length (hammingWindow, gaussWindow). */
  constructor(window: Float32Array) {
    this.window = window;
    this.windowed = new Float32Array(window.length);
    this.spectrum = new MagnitudeSpectrum(window.length);
    this.fftSize = this.spectrum.fftSize;
    this.magnitudes = this.spectrum.magnitudes;
    this.powers = this.spectrum.powers;
  }

  /** The spectrum of the frame of samples from `start`. */
  compute(samples: Float32Array, start: number): void {
    const { window, windowed } = this;
    const { input } = this.spectrum;
    for (let t = 0; t < window.length; t += 1) {
      const value = Math.fround((samples[start + t] as number) * (window[t] as number));
      windowed[t] = value;
      input[t] = value;
    }
    this.spectrum.transform();
  }
}
