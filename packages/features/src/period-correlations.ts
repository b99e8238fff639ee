// cPitchJitter::crossCorr for each candidate period length of a search: the Pearson correlation
// of a window of the waveform with the window of the same length that follows it, float32
// samples, double sums (zero variance gives NaN, as there). The candidate lengths go through the
// samples four at a time, each sum still added in crossCorr's order: the same bits in fewer
// passes, and in the WebAssembly SIMD kernel where it runs.
import { pitchKernels } from "./wasm/pitch-kernels.js";

/**
 * cc[L - shortest] = the correlation of the `L` samples of `x` from `at` with the `L` that follow
 * them, for L = shortest .. longest.
 */
export function periodCorrelations(
  x: Float32Array,
  at: number,
  shortest: number,
  longest: number,
  cc: Float64Array,
): void {
  const kernels = pitchKernels();
  if (kernels !== null) kernels.crossCorrelations(x, at, shortest, longest, cc);
  else plainPeriodCorrelations(x, at, shortest, longest, cc);
}

/** periodCorrelations in plain loops (where WebAssembly SIMD is missing). */
export function plainPeriodCorrelations(
  x: Float32Array,
  at: number,
  shortest: number,
  longest: number,
  cc: Float64Array,
): void {
  // The first window's sum for one length is the shorter one's plus one sample.
  let sumA = 0;
  for (let i = 0; i < shortest; i += 1) sumA += x[at + i] as number;
  let length = shortest;
  for (; length + 3 <= longest; length += 4) {
    const b = at + length;
    const sumA0 = sumA;
    const sumA1 = sumA0 + (x[b] as number);
    const sumA2 = sumA1 + (x[b + 1] as number);
    const sumA3 = sumA2 + (x[b + 2] as number);
    sumA = sumA3 + (x[b + 3] as number);
    // Lane k (length + k) reads its second window x[b + k + i]: one new sample per step.
    let sumB0 = 0;
    let sumB1 = 0;
    let sumB2 = 0;
    let sumB3 = 0;
    let y0 = x[b] as number;
    let y1 = x[b + 1] as number;
    let y2 = x[b + 2] as number;
    for (let i = 0; i < length; i += 1) {
      const y3 = x[b + i + 3] as number;
      sumB0 += y0;
      sumB1 += y1;
      sumB2 += y2;
      sumB3 += y3;
      y0 = y1;
      y1 = y2;
      y2 = y3;
    }
    sumB1 += x[b + length + 1] as number;
    sumB2 += x[b + length + 2] as number;
    sumB2 += x[b + length + 3] as number;
    sumB3 += x[b + length + 3] as number;
    sumB3 += x[b + length + 4] as number;
    sumB3 += x[b + length + 5] as number;
    const meanA0 = sumA0 / length;
    const meanA1 = sumA1 / (length + 1);
    const meanA2 = sumA2 / (length + 2);
    const meanA3 = sumA3 / (length + 3);
    const meanB0 = sumB0 / length;
    const meanB1 = sumB1 / (length + 1);
    const meanB2 = sumB2 / (length + 2);
    const meanB3 = sumB3 / (length + 3);
    let product0 = 0;
    let product1 = 0;
    let product2 = 0;
    let product3 = 0;
    let energyA0 = 0;
    let energyA1 = 0;
    let energyA2 = 0;
    let energyA3 = 0;
    let energyB0 = 0;
    let energyB1 = 0;
    let energyB2 = 0;
    let energyB3 = 0;
    y0 = x[b] as number;
    y1 = x[b + 1] as number;
    y2 = x[b + 2] as number;
    for (let i = 0; i < length + 3; i += 1) {
      const value = x[at + i] as number;
      const y3 = x[b + i + 3] as number;
      if (i < length) {
        const da0 = value - meanA0;
        const db0 = y0 - meanB0;
        product0 += da0 * db0;
        energyA0 += da0 * da0;
        energyB0 += db0 * db0;
      }
      if (i < length + 1) {
        const da1 = value - meanA1;
        const db1 = y1 - meanB1;
        product1 += da1 * db1;
        energyA1 += da1 * da1;
        energyB1 += db1 * db1;
      }
      if (i < length + 2) {
        const da2 = value - meanA2;
        const db2 = y2 - meanB2;
        product2 += da2 * db2;
        energyA2 += da2 * da2;
        energyB2 += db2 * db2;
      }
      const da3 = value - meanA3;
      const db3 = y3 - meanB3;
      product3 += da3 * db3;
      energyA3 += da3 * da3;
      energyB3 += db3 * db3;
      y0 = y1;
      y1 = y2;
      y2 = y3;
    }
    const lane = length - shortest;
    cc[lane] = product0 / (Math.sqrt(energyA0) * Math.sqrt(energyB0));
    cc[lane + 1] = product1 / (Math.sqrt(energyA1) * Math.sqrt(energyB1));
    cc[lane + 2] = product2 / (Math.sqrt(energyA2) * Math.sqrt(energyB2));
    cc[lane + 3] = product3 / (Math.sqrt(energyA3) * Math.sqrt(energyB3));
  }
  for (; length <= longest; length += 1) {
    cc[length - shortest] = crossCorrelation(x, at, at + length, length);
  }
}

/** crossCorr for one length (the lengths left over by the groups of four). */
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
