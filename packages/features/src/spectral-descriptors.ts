// openSMILE's cSpectral on an FFT magnitude spectrum with its defaults (squareInput 1,
// useLogSpectrum 0, normBandEnergies 0, freqRange 0-0, oldSlopeScale 1), the descriptors
// ComParE 2016 enables, in cSpectral's output order: band energies, roll-off points, flux,
// centroid, entropy, variance, skewness, kurtosis, slope, sharpness, harmonicity. Everything but
// the band energies reads bins 1..N/2 (freqRange 0-0 leaves out DC), N/2 of them. Bin k lies at
// k x binHz (double). Quirks kept:
// - band energies are the band's power (edge bins weighted) divided by N/2, not by its own bins;
// - roll-off points are bin frequencies, binHz when the frame is silent (0 >= x * 0);
// - the slope is scaled by N/2 - 1 (oldSlopeScale), and all moments use the float32 centroid;
// - entropy floors each power and a silent frame's total at 1e-7;
// - sharpness sums in float32; harmonicity compares powers, not dB, and divides by N/2.

import { SpectralFlux } from "./gemaps-spectral-shape.js";
import { spectralBandBins } from "./spectral-band-bins.js";

const f = Math.fround;

/** smileStat_entropy's floor (double) and its float32 floor of the total. */
const ENTROPY_FLOOR = 0.0000001;
const ENTROPY_TOTAL_FLOOR = f(ENTROPY_FLOOR);
/** Flux, centroid, entropy, variance, skewness, kurtosis, slope, sharpness, harmonicity. */
const SINGLE_VALUE_DESCRIPTORS = 9;
/** cSpectral's scaling of the weighted Bark centroid to psychoacoustic sharpness. */
const SHARPNESS_SCALE = 0.11;

export interface SpectralDescriptorsOptions {
  /** Magnitude bins (fftSize / 2 + 1). */
  readonly bins: number;
  /** Hz between bins: 1 / (FFT frame seconds), double. */
  readonly binHz: number;
  /** cSpectral `bands`: [lowHz, highHz] (integers in the config). */
  readonly bands: readonly (readonly [number, number])[];
  /** cSpectral `rollOff`: fractions of the total power. */
  readonly rollOffs: readonly number[];
}

export interface SpectrumBuffers {
  readonly magnitudes: Float32Array;
  readonly powers: Float32Array;
}

export class SpectralDescriptors {
  readonly dimension: number;
  private readonly spectrum: SpectrumBuffers;
  private readonly last: number;
  /** Frequencies of the bins (k x binHz). */
  private readonly frequencies: Float64Array;
  /** Per band: its first and last bin, and their weights. */
  private readonly bandBins: Int32Array;
  private readonly bandWeights: Float64Array;
  private readonly rollOffs: Float64Array;
  private readonly flux: SpectralFlux;
  private readonly magnitudesAboveDc: Float32Array;
  /** Sum of the bin frequencies and of their squares (the slope's fixed terms). */
  private readonly sumF: number;
  private readonly sumF2: number;
  /** Per bin: Bark frequency times Zwicker's weight g (sharpness). */
  private readonly sharpnessWeights: Float64Array;
  /** The local extrema of the last powers, by bin (harmonicity). */
  private readonly extrema: Int32Array;

  /** Reads the spectrum in `spectrum`'s buffers (magnitudes and their float32 squares). */
  constructor(spectrum: SpectrumBuffers, options: SpectralDescriptorsOptions) {
    const { bins, binHz, bands } = options;
    this.spectrum = spectrum;
    this.last = bins - 1;
    this.dimension = bands.length + options.rollOffs.length + SINGLE_VALUE_DESCRIPTORS;
    this.frequencies = Float64Array.from({ length: bins }, (_, k) => binHz * k);
    this.bandBins = new Int32Array(2 * bands.length);
    this.bandWeights = new Float64Array(2 * bands.length);
    bands.forEach(([lowHz, highHz], band) => {
      const edges = spectralBandBins(lowHz, highHz, bins, binHz);
      this.bandBins.set([edges.firstBin, edges.lastBin], 2 * band);
      this.bandWeights.set([edges.firstWeight, edges.lastWeight], 2 * band);
    });
    this.rollOffs = Float64Array.from(options.rollOffs);
    this.flux = new SpectralFlux(this.last);
    this.magnitudesAboveDc = spectrum.magnitudes.subarray(1, bins);
    let sumF = 0;
    let sumF2 = 0;
    this.sharpnessWeights = new Float64Array(bins);
    for (let k = 1; k <= this.last; k += 1) {
      const hz = this.frequencies[k] as number;
      sumF2 += hz * hz;
      sumF += hz;
      const bark = barkFrequency(hz);
      this.sharpnessWeights[k] = bark * sharpnessWeight(bark);
    }
    this.sumF = sumF;
    this.sumF2 = sumF2;
    this.extrema = new Int32Array(bins);
  }

  /** The descriptors of the current spectrum into `out` from `outOffset`. */
  compute(out: Float32Array, outOffset: number): void {
    const { powers } = this.spectrum;
    const { frequencies, last } = this;
    // Bins 1..last: as many as the index of the last one.
    const binCount = last;
    let total = 0;
    let weightedHz = 0;
    for (let k = 1; k <= last; k += 1) {
      const power = powers[k] as number;
      total += power;
      weightedHz += (frequencies[k] as number) * power;
    }
    let n = this.bandEnergies(out, outOffset);
    n = this.rollOffPoints(total, out, n);
    out[n++] = this.flux.compute(this.magnitudesAboveDc);
    const centroid = total !== 0 ? f(weightedHz / total) : 0;
    out[n++] = centroid;
    out[n++] = spectralEntropy(powers, last, total);
    n = this.moments(centroid, total, out, n);
    const denominator = binCount * this.sumF2 - this.sumF * this.sumF;
    const slope = denominator !== 0 ? (binCount * weightedHz - this.sumF * total) / denominator : 0;
    out[n++] = slope * (binCount - 1);
    out[n++] = this.sharpness(total);
    out[n] = harmonicity(powers, last, this.extrema);
  }

  /** Band powers divided by the N/2 bins of the spectrum (double sums). */
  private bandEnergies(out: Float32Array, n: number): number {
    const { powers } = this.spectrum;
    const { bandBins, bandWeights } = this;
    for (let b = 0; b < bandBins.length; b += 2) {
      const first = bandBins[b] as number;
      const lastBin = bandBins[b + 1] as number;
      let sum = (powers[first] as number) * (bandWeights[b] as number);
      for (let k = first + 1; k < lastBin; k += 1) sum += powers[k] as number;
      sum += (powers[lastBin] as number) * (bandWeights[b + 1] as number);
      out[n++] = sum / this.last;
    }
    return n;
  }

  /** The first bin frequency where the running power reaches each fraction of the total. */
  private rollOffPoints(total: number, out: Float32Array, n: number): number {
    const { powers } = this.spectrum;
    const { rollOffs, frequencies } = this;
    out.fill(0, n, n + rollOffs.length);
    let cumulative = 0;
    let found = 0;
    for (let k = 1; k <= this.last && found < rollOffs.length; k += 1) {
      cumulative += powers[k] as number;
      for (let r = 0; r < rollOffs.length; r += 1) {
        if (out[n + r] === 0 && cumulative >= (rollOffs[r] as number) * total) {
          out[n + r] = frequencies[k] as number;
          found += 1;
        }
      }
    }
    return n + rollOffs.length;
  }

  /** Variance, skewness and kurtosis of the power distribution around the centroid. */
  private moments(centroid: number, total: number, out: Float32Array, n: number): number {
    const { powers } = this.spectrum;
    const { frequencies } = this;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let k = 1; k <= this.last; k += 1) {
      const deviation = (frequencies[k] as number) - centroid;
      let moment = deviation * deviation * (powers[k] as number);
      m2 += moment;
      moment *= deviation;
      m3 += moment;
      m4 += moment * deviation;
    }
    const variance = total !== 0 ? m2 / total : 0;
    out[n] = variance;
    out[n + 1] = variance <= 0 ? 0 : m3 / (total * variance * Math.sqrt(variance));
    out[n + 2] = variance === 0 ? 0 : m4 / (total * variance * variance);
    return n + 3;
  }

  /** 0.11 x the g-weighted Bark centroid of the powers, summed in float32. */
  private sharpness(total: number): number {
    const { powers } = this.spectrum;
    const { sharpnessWeights } = this;
    let sum = 0;
    for (let k = 1; k <= this.last; k += 1) {
      sum = f(sum + f((sharpnessWeights[k] as number) * (powers[k] as number)));
    }
    const centroid = total !== 0 ? f(sum / total) : 0;
    return SHARPNESS_SCALE * centroid;
  }
}

/**
 * smileStat_entropy of bins 1..last of the powers (never negative, so its shift by the minimum
 * does not apply): -sum p log2 p of the powers over their total, each floored at 1e-7.
 */
function spectralEntropy(powers: Float32Array, last: number, total: number): number {
  const norm = Math.max(total, ENTROPY_TOTAL_FLOOR);
  const ln2 = Math.log(2);
  let entropy = 0;
  for (let k = 1; k <= last; k += 1) {
    const p = Math.max(powers[k] as number, ENTROPY_FLOOR) / norm;
    entropy += (p * Math.log(p)) / ln2;
  }
  return -entropy;
}

/**
 * Mean rise or fall between consecutive local extrema of the powers (an extremum beats two
 * neighbours on each side), halved and divided by the N/2 bins, in float32.
 */
function harmonicity(powers: Float32Array, last: number, extrema: Int32Array): number {
  // The extrema first, without branches (a coin toss for the CPU), then their differences in
  // order. cSpectral marks "no extremum yet" with -99, which no power equals: the first has none.
  let count = 0;
  for (let k = 3; k < last - 1; k += 1) {
    const p = powers[k] as number;
    const a = powers[k - 2] as number;
    const b = powers[k - 1] as number;
    const c = powers[k + 1] as number;
    const d = powers[k + 2] as number;
    extrema[count] = k;
    count +=
      (+(a < p) & +(b < p) & +(p > c) & +(p > d)) | (+(a > p) & +(b > p) & +(p < c) & +(p < d));
  }
  let sum = 0;
  for (let e = 1; e < count; e += 1) {
    const p = powers[extrema[e] as number] as number;
    sum = f(sum + Math.abs(f(p - (powers[extrema[e - 1] as number] as number))));
  }
  return f(f(sum / 2) / last);
}

/** Traunmueller's Bark scale with its low and high corrections (smileDsp_specScaleTransfFwd). */
function barkFrequency(hz: number): number {
  if (hz <= 0) return 0;
  const z = 26.81 / (1 + 1960 / hz) - 0.53;
  if (z < 2) return 0.85 * z + 0.3;
  if (z > 20.1) return 1.22 * z - 0.22 * 20.1;
  return z;
}

/** Zwicker's sharpness weight g(z) of a Bark frequency (smileDsp_getSharpnessWeightG). */
function sharpnessWeight(bark: number): number {
  return bark <= 16 ? 1 : ((bark - 16) / 4) ** 1.5849625 + 1;
}
