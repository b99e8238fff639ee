// cTransformFFT + cFFTmagphase: the frame is zero-padded at its end to the next power of two
// (zeroPadSymmetric = 0), transformed, and the magnitudes of bins 0..N/2 kept (no normalisation).
// The N-point real FFT is computed as an N/2-point complex FFT of the even/odd samples packed
// as re/im (fft.js's interleaved layout is exactly the padded frame) plus one split pass, about a
// third faster than fft.js's own realTransform.
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
  private readonly halfFft: FFT;
  private readonly padded: Float64Array;
  private readonly packed: Float64Array;
  /** cos and -sin of 2 pi k / N for k = 0..N/2 (the split pass's twiddles). */
  private readonly twiddleRe: Float64Array;
  private readonly twiddleIm: Float64Array;

  constructor(frameSize: number) {
    this.fftSize = nextPowerOfTwo(frameSize);
    const half = this.fftSize / 2;
    this.halfFft = new FFT(half);
    this.padded = new Float64Array(this.fftSize);
    this.packed = new Float64Array(this.fftSize);
    this.magnitudes = new Float32Array(half + 1);
    this.twiddleRe = new Float64Array(half + 1);
    this.twiddleIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k += 1) {
      const angle = (2 * Math.PI * k) / this.fftSize;
      this.twiddleRe[k] = Math.cos(angle);
      this.twiddleIm[k] = -Math.sin(angle);
    }
  }

  /** Magnitude spectrum of `frame` (length <= fftSize) into `magnitudes`, which it returns. */
  compute(frame: Float32Array): Float32Array {
    const { padded, packed, twiddleRe, twiddleIm, magnitudes } = this;
    padded.set(frame);
    this.halfFft.transform(packed, padded);
    const half = this.fftSize / 2;
    // Z = FFT(x_even + i x_odd). DC and Nyquist: X[0] = Re Z[0] + Im Z[0], X[N/2] = the difference.
    const z0r = packed[0] ?? 0;
    const z0i = packed[1] ?? 0;
    magnitudes[0] = Math.abs(z0r + z0i);
    magnitudes[half] = Math.abs(z0r - z0i);
    for (let k = 1; k < half; k += 1) {
      // X[k] = E + W^k O, E = (Z[k] + conj Z[N/2-k]) / 2, O = (Z[k] - conj Z[N/2-k]) / 2i.
      const a = 2 * k;
      const b = 2 * (half - k);
      const zr = packed[a] ?? 0;
      const zi = packed[a + 1] ?? 0;
      const cr = packed[b] ?? 0;
      const ci = packed[b + 1] ?? 0;
      const evenRe = 0.5 * (zr + cr);
      const evenIm = 0.5 * (zi - ci);
      const oddRe = 0.5 * (zi + ci);
      const oddIm = 0.5 * (cr - zr);
      const wr = twiddleRe[k] ?? 0;
      const wi = twiddleIm[k] ?? 0;
      const re = evenRe + wr * oddRe - wi * oddIm;
      const im = evenIm + wr * oddIm + wi * oddRe;
      magnitudes[k] = Math.sqrt(re * re + im * im);
    }
    return magnitudes;
  }
}
