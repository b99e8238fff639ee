// The LPC formant chain of openSMILE's GeMAPS v01b (and eGeMAPS v02) LLD config: 20 ms frames
// from the raw signal (no pre-emphasis), Hamming window, FFT of the frame centred in zeros up to
// a power of two (cTransformFFT's default zeroPadSymmetric = 1), cSpecResample to 11 kHz, cLpc
// (order 11, autocorrelation method) and cFormantLpc (5 formants between 50 and 5450 Hz). The
// frame starts where the caller's frame starts.
import { LinearPrediction } from "./linear-prediction.js";
import { LpcFormants } from "./lpc-formants.js";
import { PackedRealSpectrum } from "./packed-real-spectrum.js";
import { SpectralResample } from "./spectral-resample.js";
import { hammingWindow } from "./window-function.js";

export const GEMAPS_FORMANT_PARAMS = {
  frameSizeSeconds: 0.02,
  targetRate: 11000,
  lpcOrder: 11,
  formants: 5,
  minFrequency: 50,
  maxFrequency: 5450,
} as const;

export class GemapsFormants {
  /** Frequencies of the 5 formants of the last frame, Hz, ascending, 0 = none. */
  readonly frequencies: Float32Array;
  readonly bandwidths: Float32Array;
  private readonly window: Float32Array;
  private readonly spectrum: PackedRealSpectrum;
  private readonly resample: SpectralResample;
  private readonly prediction: LinearPrediction;
  private readonly formants: LpcFormants;

  /** `frameSize`: samples of the 20 ms frame at `sampleRate` (openSMILE's cFramer rounding). */
  constructor(frameSize: number, sampleRate: number) {
    const p = GEMAPS_FORMANT_PARAMS;
    this.window = hammingWindow(frameSize);
    this.spectrum = new PackedRealSpectrum(frameSize, true);
    this.resample = new SpectralResample({
      fftSize: this.spectrum.fftSize,
      frameSize,
      sampleRate,
      targetRate: p.targetRate,
    });
    this.prediction = new LinearPrediction(p.lpcOrder);
    this.formants = new LpcFormants({
      count: p.formants,
      minFrequency: p.minFrequency,
      maxFrequency: p.maxFrequency,
      sampleRate: p.targetRate,
    });
    this.frequencies = this.formants.frequencies;
    this.bandwidths = this.formants.bandwidths;
  }

  /** Formants of the frame of samples from `start`. */
  compute(samples: Float32Array, start: number): void {
    const { window } = this;
    const { input, frameOffset } = this.spectrum;
    for (let t = 0; t < window.length; t += 1) {
      input[frameOffset + t] = Math.fround((samples[start + t] as number) * (window[t] as number));
    }
    this.spectrum.transform();
    const resampled = this.resample.compute(this.spectrum.packed);
    this.formants.compute(this.prediction.compute(resampled));
  }
}
