// openSMILE's cSpecResample (smileDsp_initIrdft / smileDsp_irdft): a frame is resampled by
// evaluating the inverse DFT of its packed spectrum at the new rate's sample times, in float32 as
// openSMILE does (cos/sin tables stored as float, products and sums rounded each step).
// Reproduced as-is, quirks included: only the first min(N, outputs) spectrum values are used
// ("anti-aliasing" against the number of output samples, not the new Nyquist: 20 ms at 11 kHz
// keeps bins below 3.4 kHz of a 512-point FFT), and the DC term is divided by N/2 like the others.
import { roundHalfAwayFromZero } from "./framing.js";
import { type ResampleKernel, resampleKernel } from "./wasm/resample-kernel.js";

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
  /** Spectrum values used: min(N, outputs), rounded down to even. */
  private readonly usedValues: number;
  /**
   * Per output sample, the factor of each used spectrum value in the packed layout: cos for a
   * real part, sin for an imaginary part (float32, as openSMILE's tables), 0 for DC and Nyquist,
   * which are added separately. One row per output sample, read in the packed order.
   */
  private readonly table: Float32Array;
  private readonly nyquistCos: Float32Array | null;
  /** N / 2 as float32: every output is divided by it. */
  private readonly divisor: number;
  /** The WebAssembly SIMD kernel and this geometry's table in it, where it runs (no Nyquist term). */
  private readonly kernel: { readonly kernel: ResampleKernel; readonly table: number } | null;

  constructor(options: SpectralResampleOptions) {
    const { fftSize, frameSize, sampleRate, targetRate } = options;
    const outputs = roundHalfAwayFromZero(frameSize * (targetRate / sampleRate));
    // The whole padded frame spans fftSize * outputs / frameSize samples at the new rate: the
    // period of the inverse DFT's sines.
    const period = fftSize * (outputs / frameSize);
    let usedValues = Math.min(fftSize, outputs);
    if (usedValues % 2 === 1) usedValues -= 1;
    this.usedValues = usedValues;
    this.divisor = Math.fround(Math.trunc(fftSize / 2));
    this.output = new Float32Array(outputs);
    this.table = new Float32Array(outputs * usedValues);
    this.nyquistCos = outputs >= fftSize ? new Float32Array(outputs) : null;
    const twoPi = 2 * Math.PI;
    for (let i = 0; i < outputs; i += 1) {
      if (this.nyquistCos !== null) {
        this.nyquistCos[i] = Math.cos((twoPi * ((fftSize / 2) * i)) / period);
      }
      for (let k = 1; k < usedValues / 2; k += 1) {
        const angle = (twoPi * (k * i)) / period;
        this.table[i * usedValues + 2 * k] = Math.cos(angle);
        this.table[i * usedValues + 2 * k + 1] = Math.sin(angle);
      }
    }
    this.kernel = this.registerKernelTable(
      `${fftSize}:${frameSize}:${sampleRate}:${targetRate}`,
      outputs,
    );
  }

  /** The table in the kernel's layout: block b of 8 outputs, value j, output 8b + s at (b·used + j)·8 + s. */
  private registerKernelTable(key: string, outputs: number) {
    const kernel = resampleKernel();
    const blocks = Math.floor(outputs / 8);
    if (kernel === null || this.nyquistCos !== null || blocks === 0) return null;
    const { usedValues, table } = this;
    const offset = kernel.table(key, blocks * usedValues * 8, (target) => {
      for (let b = 0; b < blocks; b += 1) {
        for (let j = 0; j < usedValues; j += 1) {
          for (let s = 0; s < 8; s += 1) {
            target[(b * usedValues + j) * 8 + s] = table[(8 * b + s) * usedValues + j] as number;
          }
        }
      }
    });
    return { kernel, table: offset };
  }

  /** Resamples the packed spectrum (PackedRealSpectrum's layout) into `output`. */
  compute(packed: Float32Array): Float32Array {
    const { output, usedValues } = this;
    // Each output sample is one chain of float32 additions (openSMILE's order, so its rounding);
    // eight samples at a time run eight independent chains, which the CPU overlaps (a quarter
    // faster than four: an addition waits for the previous one of its chain).
    let i = 0;
    if (this.kernel !== null) {
      const blocks = Math.floor(output.length / 8);
      this.kernel.kernel.run(this.kernel.table, packed, usedValues, blocks, this.divisor, output);
      i = blocks * 8;
    }
    for (; i + 8 <= output.length; i += 8) this.computeEight(packed, i);
    for (; i < output.length; i += 1) output[i] = this.computeOne(packed, i, usedValues);
    return output;
  }

  private computeOne(packed: Float32Array, i: number, usedValues: number): number {
    const { table, nyquistCos } = this;
    const fround = Math.fround;
    let value = packed[0] as number;
    if (nyquistCos !== null) {
      value = fround(value + fround((packed[1] as number) * (nyquistCos[i] as number)));
    }
    // Real then imaginary part of each bin, as openSMILE sums them.
    const row = i * usedValues;
    for (let j = 2; j < usedValues; j += 1) {
      value = fround(value + fround((packed[j] as number) * (table[row + j] as number)));
    }
    return value / this.divisor;
  }

  private computeEight(packed: Float32Array, i: number): void {
    const { table, nyquistCos, usedValues, output, divisor } = this;
    const fround = Math.fround;
    const dc = packed[0] as number;
    let v0 = dc;
    let v1 = dc;
    let v2 = dc;
    let v3 = dc;
    let v4 = dc;
    let v5 = dc;
    let v6 = dc;
    let v7 = dc;
    if (nyquistCos !== null) {
      const nyquist = packed[1] as number;
      v0 = fround(v0 + fround(nyquist * (nyquistCos[i] as number)));
      v1 = fround(v1 + fround(nyquist * (nyquistCos[i + 1] as number)));
      v2 = fround(v2 + fround(nyquist * (nyquistCos[i + 2] as number)));
      v3 = fround(v3 + fround(nyquist * (nyquistCos[i + 3] as number)));
      v4 = fround(v4 + fround(nyquist * (nyquistCos[i + 4] as number)));
      v5 = fround(v5 + fround(nyquist * (nyquistCos[i + 5] as number)));
      v6 = fround(v6 + fround(nyquist * (nyquistCos[i + 6] as number)));
      v7 = fround(v7 + fround(nyquist * (nyquistCos[i + 7] as number)));
    }
    const r0 = i * usedValues;
    const r1 = r0 + usedValues;
    const r2 = r1 + usedValues;
    const r3 = r2 + usedValues;
    const r4 = r3 + usedValues;
    const r5 = r4 + usedValues;
    const r6 = r5 + usedValues;
    const r7 = r6 + usedValues;
    for (let j = 2; j < usedValues; j += 1) {
      const x = packed[j] as number;
      v0 = fround(v0 + fround(x * (table[r0 + j] as number)));
      v1 = fround(v1 + fround(x * (table[r1 + j] as number)));
      v2 = fround(v2 + fround(x * (table[r2 + j] as number)));
      v3 = fround(v3 + fround(x * (table[r3 + j] as number)));
      v4 = fround(v4 + fround(x * (table[r4 + j] as number)));
      v5 = fround(v5 + fround(x * (table[r5 + j] as number)));
      v6 = fround(v6 + fround(x * (table[r6 + j] as number)));
      v7 = fround(v7 + fround(x * (table[r7 + j] as number)));
    }
    output[i] = v0 / divisor;
    output[i + 1] = v1 / divisor;
    output[i + 2] = v2 / divisor;
    output[i + 3] = v3 / divisor;
    output[i + 4] = v4 / divisor;
    output[i + 5] = v5 / divisor;
    output[i + 6] = v6 / divisor;
    output[i + 7] = v7 / divisor;
  }
}
