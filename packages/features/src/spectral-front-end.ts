// The per-frame chain openSMILE's spectral configs share: cVectorPreemphasis -> cWindower (Hamming)
// -> cTransformFFT -> cFFTmagphase, the windowed magnitude spectrum with pre-emphasis in front.
// Exposes the windowed frame (energy) and the magnitude and power spectra (mel bands,
// autocorrelation, cepstrum) so a feature set taps them without copies.
import { hammingWindow } from "./window-function.js";
import { WindowedMagnitudeSpectrum } from "./windowed-magnitude-spectrum.js";

export interface SpectralFrontEndOptions {
  readonly frameSize: number;
  /** Pre-emphasis coefficient k (openSMILE `k`). */
  readonly preemphasis: number;
}

/** `windowed` is the pre-emphasised, windowed frame. */
export class SpectralFrontEnd extends WindowedMagnitudeSpectrum {
  private readonly k: number;

  constructor(options: SpectralFrontEndOptions) {
    super(hammingWindow(options.frameSize));
    this.k = Math.fround(options.preemphasis);
  }

  /** Runs the chain on the frame of `frameSize` samples at `start`; results are in the buffers. */
  override compute(samples: Float32Array, start: number): void {
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
