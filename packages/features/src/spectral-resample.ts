// openSMILE's cSpecResample (smileDsp_initIrdft / smileDsp_irdft): a frame is resampled by
// evaluating the inverse DFT of its packed spectrum at the new rate's sample times, in float32 as
// openSMILE does (cos/sin tables stored as float, products and sums rounded each step).
// Reproduced as-is, quirks included: only the first min(N, outputs) spectrum values are used
// ("anti-aliasing" against the number of output samples, not the new Nyquist: 20 ms at 11 kHz
// keeps bins below 3.4 kHz of a 512-point FFT), and the DC term is divided by N/2 like the others.
import { roundHalfAwayFromZero } from "./framing.js";

export interface SpectralResampleOptions {
  /** N: values of the packed spectrum (the FFT size). */
  readonly fftSize: number;
  /** Samples of the frame before zero-padding. */
  readonly frameSize: number;
  readonly sampleRate: number;
  /** openSMILE `targetFs`. */
  readonly targetRate: number;
}

export class SpectralResample {
  /** The resampled frame: round(frameSize * targetRate / sampleRate) samples. */
  readonly output: Float32Array;
  private readonly usedValues: number;
  private readonly cosTable: Float32Array;
  private readonly sinTable: Float32Array;
  private readonly nyquistCos: Float32Array | null;
  private readonly fftSize: number;

  constructor(options: SpectralResampleOptions) {
    const { fftSize, frameSize, sampleRate, targetRate } = options;
    const outputs = roundHalfAwayFromZero(frameSize * (targetRate / sampleRate));
    // The whole padded frame spans fftSize * outputs / frameSize samples at the new rate: the
    // period of the inverse DFT's sines.
    const period = fftSize * (outputs / frameSize);
    let usedValues = Math.min(fftSize, outputs);
    if (usedValues % 2 === 1) usedValues -= 1;
    this.fftSize = fftSize;
    this.usedValues = usedValues;
    this.output = new Float32Array(outputs);
    const pairs = usedValues / 2;
    this.cosTable = new Float32Array(pairs * outputs);
    this.sinTable = new Float32Array(pairs * outputs);
    this.nyquistCos = outputs >= fftSize ? new Float32Array(outputs) : null;
    const twoPi = 2 * Math.PI;
    for (let i = 0; i < outputs; i += 1) {
      if (this.nyquistCos !== null)
        this.nyquistCos[i] = Math.cos((twoPi * ((fftSize / 2) * i)) / period);
      for (let k = 1; k < pairs; k += 1) {
        const angle = (twoPi * (k * i)) / period;
        this.cosTable[i * pairs + k] = Math.cos(angle);
        this.sinTable[i * pairs + k] = Math.sin(angle);
      }
    }
  }

  /** Resamples the packed spectrum (PackedRealSpectrum's layout) into `output`. */
  compute(packed: Float32Array): Float32Array {
    const { output, cosTable, sinTable, nyquistCos, usedValues } = this;
    const pairs = usedValues / 2;
    const divisor = Math.fround(Math.trunc(this.fftSize / 2));
    for (let i = 0; i < output.length; i += 1) {
      let value = packed[0] as number;
      if (nyquistCos !== null) {
        value = Math.fround(value + Math.fround((packed[1] as number) * (nyquistCos[i] as number)));
      }
      const row = i * pairs;
      for (let k = 1; k < pairs; k += 1) {
        value = Math.fround(
          value + Math.fround((packed[2 * k] as number) * (cosTable[row + k] as number)),
        );
        value = Math.fround(
          value + Math.fround((packed[2 * k + 1] as number) * (sinTable[row + k] as number)),
        );
      }
      output[i] = value / divisor;
    }
    return output;
  }
}
