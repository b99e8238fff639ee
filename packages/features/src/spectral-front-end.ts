// The per-frame chain openSMILE's spectral configs share: cVectorPreemphasis -> cWindower (Hamming)
// -> cTransformFFT -> cFFTmagphase. Exposes each intermediate buffer so a feature set can tap
// the windowed frame (energy) or the magnitudes (mel bands, autocorrelation) without copies.
import { MagnitudeSpectrum } from "./magnitude-spectrum.js";
import { applyPreemphasis } from "./preemphasis.js";
import { applyWindow, hammingWindow } from "./window-function.js";

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
    this.k = options.preemphasis;
    this.window = hammingWindow(options.frameSize);
    this.preemphasised = new Float32Array(options.frameSize);
    this.windowed = new Float32Array(options.frameSize);
    this.spectrum = new MagnitudeSpectrum(options.frameSize);
    this.fftSize = this.spectrum.fftSize;
    this.magnitudes = this.spectrum.magnitudes;
  }

  /** Runs the chain on one frame of samples; results are in the public buffers. */
  compute(frame: Float32Array): void {
    applyPreemphasis(frame, this.k, this.preemphasised);
    applyWindow(this.preemphasised, this.window, this.windowed);
    this.spectrum.compute(this.windowed);
  }
}
