// The spectral-shape LLDs of GeMAPS as openSMILE's cSpectral computes them from an FFT magnitude
// spectrum with squareInput 1, useLogSpectrum 1, normBandEnergies 1, freqRange 0-5000,
// oldSlopeScale 0: alpha ratio and Hammarberg index (dB) from the float32 power spectrum,
// spectral slopes of bands of the dB power spectrum, and spectral flux of the magnitudes.
// Bin k lies at k x binHz, binHz = 1 / (FFT frame seconds) in double (cTransformFFT's frequency
// axis). Quirks kept:
// - a slope band maps its edges to bins with weights (1 at exact bin frequencies) but counts
//   idxR - idxL points, one fewer than it sums, so a flat spectrum at level L has slope
//   -L Sf / (N S2f - Sf^2), not 0 (cSpectral's `Nind`);
// - alpha ratio and Hammarberg index include the bin at exactly 5000 Hz and the DC bin;
// - flux divides neither spectrum by its energy (normBandEnergies does not reach it) and is 0
//   on the first frame.
import { spectralBandBins } from "./spectral-band-bins.js";

const f = Math.fround;

/** cSpectral's default specFloor 1e-7, squared, on the power spectrum. */
const SPEC_FLOOR = f(1e-7 * 1e-7);
const LOG_SPEC_FLOOR = f((10 * f(Math.log(SPEC_FLOOR))) / Math.LN10);
const DB_PER_NEPER = f(10 / Math.LN10);
const ALPHA_SPLIT_HZ = 1000;
const HAMMARBERG_SPLIT_HZ = 2000;
const UPPER_HZ = 5000;

/** 10 log10(numerator / denominator) as cSpectral writes it: float32 quotient and logs. */
function decibelRatio(numerator: number, denominator: number): number {
  if (numerator > SPEC_FLOOR) return f((10 * f(Math.log(f(numerator / denominator)))) / Math.LN10);
  return f((10 * f(f(Math.log(SPEC_FLOOR)) - f(Math.log(denominator)))) / Math.LN10);
}

/**
 * Alpha ratio: energy 1-5 kHz over energy 0-1 kHz in dB, sums in float32 (0 when there is no
 * energy below 1 kHz).
 */
export function alphaRatioDb(powers: Float32Array, binHz: number): number {
  let low = 0;
  let high = 0;
  for (let k = 0; k < powers.length && k * binHz <= UPPER_HZ; k += 1) {
    if (k * binHz < ALPHA_SPLIT_HZ) low = f(low + (powers[k] as number));
    else high = f(high + (powers[k] as number));
  }
  return low > 0 ? decibelRatio(high, low) : 0;
}

/**
 * Hammarberg index: strongest power bin below 2 kHz over strongest in 2-5 kHz, in dB (0 when
 * there is no energy in 2-5 kHz).
 */
export function hammarbergIndexDb(powers: Float32Array, binHz: number): number {
  let low = 0;
  let high = 0;
  for (let k = 0; k < powers.length && k * binHz <= UPPER_HZ; k += 1) {
    const power = powers[k] as number;
    if (k * binHz < HAMMARBERG_SPLIT_HZ) low = Math.max(low, power);
    else high = Math.max(high, power);
  }
  return high > 0 ? decibelRatio(low, high) : 0;
}

/** A power in dB as cSpectral's log spectrum holds it: float32 10 log10, floored at -140 dB. */
export function powerDecibels(power: number): number {
  return power <= SPEC_FLOOR ? LOG_SPEC_FLOOR : f(DB_PER_NEPER * f(Math.log(power)));
}

/**
 * Least-squares slope (dB/Hz) of the dB power spectrum over a band [lowHz, highHz], with
 * cSpectral's edge bins, edge weights and point count (see the header). Takes the dB of its own
 * bins only: the bands span a fifth of the spectrum, and the logs dominate its cost.
 */
export class BandSlope {
  private readonly binHz: number;
  private readonly firstBin: number;
  private readonly lastBin: number;
  private readonly firstWeight: number;
  private readonly lastWeight: number;
  private readonly pointCount: number;
  /** Weighted sum of the band's bin frequencies (Sf) and N S2f - Sf^2: fixed for the band. */
  private readonly sumF: number;
  private readonly denominator: number;

  constructor(lowHz: number, highHz: number, bins: number, binHz: number) {
    this.binHz = binHz;
    const edges = spectralBandBins(lowHz, highHz, bins, binHz);
    const { firstBin, lastBin, firstWeight, lastWeight } = edges;
    this.firstBin = firstBin;
    this.lastBin = lastBin;
    this.firstWeight = firstWeight;
    this.lastWeight = lastWeight;
    this.pointCount = edges.pointCount;
    let sumF = firstBin * binHz * firstWeight;
    let sumF2 = sumF * sumF;
    for (let k = firstBin + 1; k < lastBin; k += 1) {
      sumF2 += k * binHz * (k * binHz);
      sumF += k * binHz;
    }
    const lastF = lastBin * binHz;
    sumF2 += lastF * lastWeight * lastF * lastWeight;
    sumF += lastF * lastWeight;
    this.sumF = sumF;
    this.denominator = this.pointCount * sumF2 - sumF * sumF;
  }

  /** Slope of the band in the power spectrum `powers` (dB per Hz), float32. */
  compute(powers: Float32Array): number {
    const { binHz, firstBin, lastBin, firstWeight, lastWeight } = this;
    const first = powerDecibels(powers[firstBin] as number);
    let sumA = firstBin * binHz * firstWeight * first;
    let sumB = firstWeight * first;
    for (let k = firstBin + 1; k < lastBin; k += 1) {
      const value = powerDecibels(powers[k] as number);
      sumA += k * binHz * value;
      sumB += value;
    }
    const last = powerDecibels(powers[lastBin] as number);
    sumA += lastBin * binHz * lastWeight * last;
    sumB += lastWeight * last;
    if (this.denominator === 0) return 0;
    return f((this.pointCount * sumA - this.sumF * sumB) / this.denominator);
  }
}

/** Bins cSpectral's freqRange 0-upperHz covers: 0 up to the last bin below upperHz. */
export function binsBelow(upperHz: number, bins: number, binHz: number): number {
  let count = 0;
  while (count < bins && count * binHz < upperHz) count += 1;
  return count;
}

/**
 * Spectral flux: root mean square of the bin-by-bin change of the magnitude spectrum since the
 * previous frame over the first `binCount` bins (double sums of float32 magnitudes); 0 on the
 * first frame. Holds the previous frame, so one instance serves one stream.
 */
export class SpectralFlux {
  private readonly previous: Float32Array;
  private hasPrevious = false;

  constructor(binCount: number) {
    this.previous = new Float32Array(binCount);
  }

  compute(magnitudes: Float32Array): number {
    const { previous } = this;
    let sum = 0;
    for (let k = 0; k < previous.length; k += 1) {
      const change = (magnitudes[k] as number) - (previous[k] as number);
      sum += change * change;
      previous[k] = magnitudes[k] as number;
    }
    if (!this.hasPrevious) {
      this.hasPrevious = true;
      return 0;
    }
    const meanSquare = sum / previous.length;
    return meanSquare > 0 ? f(Math.sqrt(meanSquare)) : 0;
  }
}
