// cWindower -> cTransformFFT -> cFFTmagphase on the raw frame, float for float as openSMILE
// computes them: the windowed frame centred in the zero padding (zeroPadSymmetric = 1), Ooura's
// float32 FFT, magnitudes sqrt(re^2 + im^2) with float32 squares and sum. The magnitudes are
// bit-identical to openSMILE's. WindowedMagnitudeSpectrum (double FFT, frame at the start) is
// faster but differs in the last bits of most bins (up to 0.7 % in the weakest ones), which moves
// the spectral descriptors that compare bins (roll-off points, harmonicity's peaks).
import { PackedRealSpectrum } from "./packed-real-spectrum.js";

const f = Math.fround;

export class Float32WindowedSpectrum {
  readonly fftSize: number;
  /** fftSize / 2 + 1 magnitudes of the last frame (float32, no normalisation). */
  readonly magnitudes: Float32Array;
  /** The magnitudes squared in float32. */
  readonly powers: Float32Array;
  private readonly window: Float32Array;
  private readonly spectrum: PackedRealSpectrum;

  /** `window` has the frame's length (hammingWindow, gaussWindow). */
  constructor(window: Float32Array) {
    this.window = window;
    this.spectrum = new PackedRealSpectrum(window.length, true);
    this.fftSize = this.spectrum.fftSize;
    this.magnitudes = new Float32Array(this.fftSize / 2 + 1);
    this.powers = new Float32Array(this.fftSize / 2 + 1);
  }

  /** The spectrum of the frame of samples from `start`. */
  compute(samples: Float32Array, start: number): void {
    const { window, magnitudes, powers } = this;
    const { input, frameOffset, packed } = this.spectrum;
    for (let t = 0; t < window.length; t += 1) {
      input[frameOffset + t] = f((samples[start + t] as number) * (window[t] as number));
    }
    this.spectrum.transform();
    const half = this.fftSize / 2;
    magnitudes[0] = Math.abs(packed[0] as number);
    magnitudes[half] = Math.abs(packed[1] as number);
    for (let k = 1; k < half; k += 1) {
      const re = packed[2 * k] as number;
      const im = packed[2 * k + 1] as number;
      magnitudes[k] = Math.sqrt(f(f(re * re) + f(im * im)));
    }
    for (let k = 0; k <= half; k += 1) {
      const magnitude = magnitudes[k] as number;
      powers[k] = magnitude * magnitude;
    }
  }
}
