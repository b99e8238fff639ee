// cTransformFFT + cFFTmagphase: the frame is zero-padded at its end to the next power of two
// (zeroPadSymmetric = 0), transformed, and the magnitudes of bins 0..N/2 kept (no normalisation).
import FFT from "fft.js";

/** Smallest power of two >= n (openSMILE's smileMath_ceilToNextPowOf2; at least 4). */
export function nextPowerOfTwo(n: number): number {
  let size = 4;
  while (size < n) size *= 2;
  return size;
}

export class MagnitudeSpectrum {
  readonly fftSize: number;
  /** fftSize / 2 + 1 magnitudes, overwritten by each `compute`. */
  readonly magnitudes: Float32Array;
  private readonly fft: FFT;
  private readonly padded: Float64Array;
  private readonly complex: Float64Array;

  constructor(frameSize: number) {
    this.fftSize = nextPowerOfTwo(frameSize);
    this.fft = new FFT(this.fftSize);
    this.padded = new Float64Array(this.fftSize);
    this.complex = new Float64Array(this.fftSize * 2);
    this.magnitudes = new Float32Array(this.fftSize / 2 + 1);
  }

  /** Magnitude spectrum of `frame` (length <= fftSize) into `magnitudes`, which it returns. */
  compute(frame: Float32Array): Float32Array {
    this.padded.set(frame);
    this.fft.realTransform(this.complex, this.padded);
    const bins = this.magnitudes.length;
    for (let k = 0; k < bins; k += 1) {
      const re = this.complex[2 * k] ?? 0;
      const im = this.complex[2 * k + 1] ?? 0;
      this.magnitudes[k] = Math.sqrt(re * re + im * im);
    }
    return this.magnitudes;
  }
}
