// cPitchJitter::crossCorr for each candidate period length of a search: the Pearson correlation
// of a window of the waveform with the window of the same length that follows it, float32
// samples, double sums (zero variance gives NaN, as there). The WebAssembly SIMD kernel runs four
// candidate lengths at a time, each sum still added in crossCorr's order, so the same bits.
import { type PitchKernels, pitchKernels } from "./wasm/pitch-kernels.js";

/**
 * cc[L - shortest] = the correlation of the `L` samples of `x` from `at` with the `L` that follow
 * them, for L = shortest .. longest; by the SIMD `kernels`, or with null (where WebAssembly SIMD
 * is missing) in plain loops, one length at a time.
 */
export function periodCorrelations(
  x: Float32Array,
  at: number,
  shortest: number,
  longest: number,
  cc: Float64Array,
  kernels: PitchKernels | null = pitchKernels(),
): void {
  if (kernels !== null) {
    kernels.crossCorrelations(x, at, shortest, longest, cc);
    return;
  }
  for (let length = shortest; length <= longest; length += 1) {
    cc[length - shortest] = crossCorrelation(x, at, at + length, length);
  }
}

/** crossCorr for one length. */
function crossCorrelation(x: Float32Array, a: number, b: number, length: number): number {
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < length; i += 1) {
    meanA += x[a + i] as number;
    meanB += x[b + i] as number;
  }
  meanA /= length;
  meanB /= length;
  let product = 0;
  let energyA = 0;
  let energyB = 0;
  for (let i = 0; i < length; i += 1) {
    const da = (x[a + i] as number) - meanA;
    const db = (x[b + i] as number) - meanB;
    product += da * db;
    energyA += da * da;
    energyB += db * db;
  }
  return product / (Math.sqrt(energyA) * Math.sqrt(energyB));
}
