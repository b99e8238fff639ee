// cTransformFFT + cFFTmagphase: the frame is zero-padded at its end to the next power of two
// (zeroPadSymmetric = 0), transformed, and the magnitudes of bins 0..N/2 kept (no normalisation).
// The N-point real FFT is computed as an N/2-point complex FFT of the even/odd samples packed
// as re/im (fft.js's interleaved layout is exactly the padded frame) plus one split pass, about a
// third faster than fft.js's own realTransform. The split pass also writes the power spectrum, so
// the mel bands, the ACF and the cepstrum read it instead of squaring the magnitudes each.
import FFT from "fft.js";

/** Smallest power of two >= n (openSMILE's smileMath_ceilToNextPowOf2; at least 4). */
export function nextPowerOfTwo(n: number): number {
  let size = 4;
  while (size < n) size *= 2;
  return size;
}

export class MagnitudeSpectrum {
  readonly fftSize: number;
  /**
   * The frame to transform: write its samples from index 0; the rest stays zero (the padding),
   * so a caller writes the same number of samples every time.
   */
  readonly input: Float64Array;
  /** fftSize / 2 + 1 magnitudes, overwritten by each `transform`. */
  readonly magnitudes: Float32Array;
  /**
   * The magnitudes squared in float32, as openSMILE's consumers square its float magnitudes
   * (cMelspec usePower, cAcf usePower): not |X|^2 of the double spectrum, which differs in the
   * last bit.
   */
  readonly powers: Float32Array;
  private readonly halfFft: FFT;
  private readonly packed: Float64Array;
  /** cos and -sin of 2 pi k / N for k = 0..N/2 (the split pass's twiddles). */
  private readonly twiddleRe: Float64Array;
  private readonly twiddleIm: Float64Array;

  constructor(frameSize: number) {
    this.fftSize = nextPowerOfTwo(frameSize);
    const half = this.fftSize / 2;
    this.halfFft = new FFT(half);
    this.input = new Float64Array(this.fftSize);
    this.packed = new Float64Array(this.fftSize);
    this.magnitudes = new Float32Array(half + 1);
    this.powers = new Float32Array(half + 1);
    this.twiddleRe = new Float64Array(half + 1);
    this.twiddleIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k += 1) {
      const angle = (2 * Math.PI * k) / this.fftSize;
      this.twiddleRe[k] = Math.cos(angle);
      this.twiddleIm[k] = -Math.sin(angle);
    }
  }

  /** Magnitude and power spectrum of `input` into `magnitudes` and `powers`. */
  transform(): void {
    const { packed, twiddleRe, twiddleIm, magnitudes, powers } = this;
    this.halfFft.transform(packed, this.input);
    const half = this.fftSize / 2;
    // Z = FFT(x_even + i x_odd). DC and Nyquist: X[0] = Re Z[0] + Im Z[0], X[N/2] = the difference.
    const z0r = packed[0] as number;
    const z0i = packed[1] as number;
    const dc = Math.fround(Math.abs(z0r + z0i));
    const nyquist = Math.fround(Math.abs(z0r - z0i));
    magnitudes[0] = dc;
    powers[0] = dc * dc;
    magnitudes[half] = nyquist;
    powers[half] = nyquist * nyquist;
    for (let k = 1; k < half; k += 1) {
      // X[k] = E + W^k O, E = (Z[k] + conj Z[N/2-k]) / 2, O = (Z[k] - conj Z[N/2-k]) / 2i.
      const a = 2 * k;
      const b = 2 * (half - k);
      const zr = packed[a] as number;
      const zi = packed[a + 1] as number;
      const cr = packed[b] as number;
      const ci = packed[b + 1] as number;
      const evenRe = 0.5 * (zr + cr);
      const evenIm = 0.5 * (zi - ci);
      const oddRe = 0.5 * (zi + ci);
      const oddIm = 0.5 * (cr - zr);
      const wr = twiddleRe[k] as number;
      const wi = twiddleIm[k] as number;
      const re = evenRe + wr * oddRe - wi * oddIm;
      const im = evenIm + wr * oddIm + wi * oddRe;
      const magnitude = Math.fround(Math.sqrt(re * re + im * im));
      magnitudes[k] = magnitude;
      powers[k] = magnitude * magnitude;
    }
  }
}
