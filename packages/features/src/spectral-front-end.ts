// The per-frame chain openSMILE's spectral configs share: cVectorPreemphasis -> cWindower (Hamming)
// -> cTransformFFT -> cFFTmagphase. Exposes each intermediate buffer so a feature set can tap
// the windowed frame (energy) or the magnitudes (mel bands, autocorrelation) without copies.
import { MagnitudeSpectrum } from "./magnitude-spectrum.js";
import { hammingWindow } from "./window-function.js";

export interface SpectralFrontEndOptions {
  readonly frameSize: number;
  /** Pre-emphasis coefficient k (openSMILE `k`). */
  readonly preemphasis: number;
}

export class SpectralFrontEnd {
  readonly fftSize: number;
  readonly preemphasised: Float32Array;
  readonly windowed: Float32Array;
  /** fftSize / 2 + 1 magnitudes of the windowed frame. */
  readonly magnitudes: Float32Array;
  private readonly k: number;
  private readonly window: Float32Array;
  private readonly spectrum: MagnitudeSpectrum;

  constructor(options: SpectralFrontEndOptions) {
    this.k = Math.fround(options.preemphasis);
    this.window = hammingWindow(options.frameSize);
    this.preemphasised = new Float32Array(options.frameSize);
    this.windowed = new Float32Array(options.frameSize);
    this.spectrum = new MagnitudeSpectrum(options.frameSize);
    this.fftSize = this.spectrum.fftSize;
    this.magnitudes = this.spectrum.magnitudes;
  }

  /** Runs the chain on one frame of samples; results are in the public buffers. */
  compute(frame: Float32Array): void {
    // Pre-emphasis y[0] = (1 - k) x[0], y[t] = x[t] - k x[t-1] (cVectorPreemphasis, per frame as
    // HTK does, float32 steps) and the window, fused into one pass: the hot path of every set.
    const { k, window, preemphasised, windowed } = this;
    let previous = frame[0] ?? 0;
    preemphasised[0] = Math.fround(1 - k) * previous;
    windowed[0] = (preemphasised[0] ?? 0) * (window[0] ?? 0);
    for (let t = 1; t < frame.length; t += 1) {
      const sample = frame[t] ?? 0;
      const emphasised = Math.fround(sample - Math.fround(k * previous));
      preemphasised[t] = emphasised;
      windowed[t] = emphasised * (window[t] ?? 0);
      previous = sample;
    }
    this.spectrum.compute(windowed);
  }
}
