// cTransformFFT's complex output as openSMILE stores it (Ooura's rdft layout, float32): the frame
// zero-padded to the next power of two N (at its end, or centred: `frameOffset`), then
// [Re X0, Re X(N/2), Re X1, I1, Re X2, I2, ...] with I_k = sum x_j sin(2 pi j k / N), i.e. minus
// the usual imaginary part. Consumers of the complex spectrum (cSpecResample) read this layout;
// MagnitudeSpectrum serves the magnitudes.
import FFT from "fft.js";
import { nextPowerOfTwo } from "./magnitude-spectrum.js";

export class PackedRealSpectrum {
  readonly fftSize: number;
  /**
   * Where the frame goes in `input`: 0, or with cTransformFFT's `zeroPadSymmetric = 1` (its
   * default since 2.3, which GeMAPS keeps) centred, (N - frameSize) / 2 zeros before it.
   */
  readonly frameOffset: number;
  /** The padded frame: write the samples from `frameOffset`; the rest stays zero. */
  readonly input: Float64Array;
  /** fftSize values in Ooura's layout, overwritten by each `transform`. */
  readonly packed: Float32Array;
  private readonly fft: FFT;
  private readonly complex: Float64Array;

  constructor(frameSize: number, zeroPadSymmetric: boolean) {
    this.fftSize = nextPowerOfTwo(frameSize);
    this.frameOffset = zeroPadSymmetric ? Math.trunc((this.fftSize - frameSize) / 2) : 0;
    this.fft = new FFT(this.fftSize);
    this.input = new Float64Array(this.fftSize);
    this.packed = new Float32Array(this.fftSize);
    this.complex = new Float64Array(2 * this.fftSize);
  }

  transform(): void {
    const { complex, packed, fftSize } = this;
    // realTransform fills bins 0..N/2 as interleaved re, im with the e^{-i} convention.
    this.fft.realTransform(complex, this.input);
    packed[0] = complex[0] as number;
    packed[1] = complex[fftSize] as number;
    for (let k = 1; k < fftSize / 2; k += 1) {
      packed[2 * k] = complex[2 * k] as number;
      packed[2 * k + 1] = -(complex[2 * k + 1] as number);
    }
  }
}
