// cTransformFFT's complex output as openSMILE stores it (Ooura's rdft layout, float32): the frame
// zero-padded to the next power of two N (at its end, or centred: `frameOffset`), then
// [Re X0, Re X(N/2), Re X1, I1, Re X2, I2, ...] with I_k = sum x_j sin(2 pi j k / N), i.e. minus
// the usual imaginary part. Consumers of the complex spectrum (cSpecResample) read this layout;
// MagnitudeSpectrum serves the magnitudes.
import { nextPowerOfTwo } from "./magnitude-spectrum.js";
import { OouraRealFft } from "./ooura-real-fft.js";

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
  private readonly fft: OouraRealFft;

  constructor(frameSize: number, zeroPadSymmetric: boolean) {
    this.fftSize = nextPowerOfTwo(frameSize);
    this.frameOffset = zeroPadSymmetric ? Math.trunc((this.fftSize - frameSize) / 2) : 0;
    this.fft = new OouraRealFft(this.fftSize);
    this.input = new Float64Array(this.fftSize);
    this.packed = this.fft.data;
  }

  transform(): void {
    this.fft.data.set(this.input);
    this.fft.transform();
  }
}
