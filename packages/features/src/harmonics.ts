// openSMILE's cHarmonics as GeMAPS v01b / eGeMAPS v02 configure it (gemapsv01b_harmonics:
// nHarmonics 100, harmonicDifferences H1-H2;H1-A3 in log scale, formant amplitudes 1..3 relative
// to F0, computeAcfHnrLogdB): per frame, from F0final, the LPC formant frequencies and the
// magnitude spectrum of the 60 ms Gaussian frame, the six values eGeMAPS keeps.
// Quirks reproduced from harmonics.cpp:
// - The spectrum carries a frequency axis (cTransformFFT's meta data), so the "non-linear" search
//   runs: harmonic h (h = 0 is F0 itself) is the nearest bin to (h + 1) F0 if it is a local
//   maximum, else the closest local maximum between (h + 0.5) F0 and (h + 1.5) F0 (right side
//   first); H1 and H2 are thus 2 F0 and 3 F0, A3 the strongest harmonic within +-20 % of F3.
// - Harmonic levels are 20 log10 of the parabola-interpolated peak over the *raw* F0 bin
//   magnitude, floored at -200 dB (also when no peak is found); a harmonic on the same bin as
//   the previous one is -201 dB (harmonics past Nyquist all sit on bin 0).
// - HNR is 10 log10(r(T0) / (r(0) - r(T0))) of the autocorrelation of the power spectrum, T0 the
//   ACF peak nearest fs / F0, clamped to -90..110 dB.
// - Unvoiced frames (F0 = 0): HNR 0, differences 0, formant amplitudes -201.

import { AcfAndCepstrum } from "./acf-and-cepstrum.js";
import { nextPowerOfTwo } from "./magnitude-spectrum.js";
import { type ParabolaVertex, parabolaVertex } from "./parabola-vertex.js";

export const GEMAPS_HARMONICS_PARAMS = {
  /** The Gaussian frame the spectrum comes from (gemapsv01b_frame60). */
  frameSizeSeconds: 0.06,
  nHarmonics: 100,
  harmonicDifferences: "H1-H2;H1-A3",
  formantAmplitudesStart: 1,
  formantAmplitudesEnd: 3,
  logRelValueFloorUnvoiced: -201,
} as const;

/** Output order of `Harmonics.values`, under cHarmonics's own field names. */
export const HARMONICS_OUTPUT_NAMES = [
  "HarmonicsToNoiseRatioACFLogdB",
  "HarmonicDifferenceLogRelH1-H2",
  "HarmonicDifferenceLogRelH1-A3",
  "FormantAmplitudeByMaxHarmonicLogRelF0[1]",
  "FormantAmplitudeByMaxHarmonicLogRelF0[2]",
  "FormantAmplitudeByMaxHarmonicLogRelF0[3]",
] as const;

const FLOOR_DB = -201;
const LEVEL_FLOOR_DB = -200;
const H1 = 1;
const H2 = 2;
const A3_FORMANT = 3;
const FORMANT_AMPLITUDES = 3;
/** cHarmonics's HNR ratio limits (10e10 and 10e-10 in its source). */
const MAX_HNR_RATIO = 1e11;
const MIN_HNR_RATIO = 1e-9;

const f = Math.fround;
const FORMANT_LOW = f(0.8);
const FORMANT_HIGH = f(1.2);

export class Harmonics {
  /** The six outputs of the last frame, in HARMONICS_OUTPUT_NAMES order (float32). */
  readonly values = new Float32Array(HARMONICS_OUTPUT_NAMES.length);
  /** Frequency of each bin, Hz (cTransformFFT's axis: i / frame seconds of the padded frame). */
  private readonly binFrequencies: Float64Array;
  private readonly bins: number;
  private readonly acfTransform: AcfAndCepstrum;
  private readonly powers: Float32Array;
  private readonly acf: Float32Array;
  private readonly cepstrum: Float32Array;
  /**
   * Per harmonic: peak bin (the expected bin when no peak was found), raw and interpolated
   * magnitude, interpolated frequency, level in dB re F0.
   */
  private readonly peakBins: Int32Array;
  private readonly magnitudes: Float32Array;
  private readonly interpolatedMagnitudes: Float32Array;
  private readonly interpolatedFrequencies: Float32Array;
  private readonly levels: Float32Array;
  private readonly parabolaPeak = new Float64Array(2);

  /** `frameSize`: samples of the 60 ms frame (openSMILE's cFramer rounding). */
  constructor(frameSize: number) {
    const fftSize = nextPowerOfTwo(frameSize);
    this.bins = fftSize / 2 + 1;
    // cTransformFFT stretches the level's frame seconds by fftSize / frameSize for the padding.
    const paddedFrameSeconds = GEMAPS_HARMONICS_PARAMS.frameSizeSeconds * (fftSize / frameSize);
    const binHz = 1 / paddedFrameSeconds;
    this.binFrequencies = Float64Array.from({ length: this.bins }, (_, i) => binHz * i);
    this.acfTransform = new AcfAndCepstrum(fftSize);
    this.powers = new Float32Array(this.bins);
    this.acf = new Float32Array(this.bins);
    this.cepstrum = new Float32Array(fftSize / 2);
    const n = GEMAPS_HARMONICS_PARAMS.nHarmonics;
    this.peakBins = new Int32Array(n);
    this.magnitudes = new Float32Array(n);
    this.interpolatedMagnitudes = new Float32Array(n);
    this.interpolatedFrequencies = new Float32Array(n);
    this.levels = new Float32Array(n);
  }

  /**
   * `f0`: F0final in Hz (0 = unvoiced); `magnitudes`: the float32 FFT magnitudes of the 60 ms
   * Gaussian frame of `frameSize` samples (WindowedMagnitudeSpectrum.magnitudes); `formantFrequencies`: cFormantLpc's frequencies (at least 3, 0 =
   * none). Writes `values`.
   */
  compute(f0: number, magnitudes: Float32Array, formantFrequencies: Float32Array): void {
    const { values } = this;
    const pitch = f(f0);
    values[0] = this.acfHnrDb(pitch, magnitudes);
    if (pitch <= 0) {
      values[1] = 0;
      values[2] = 0;
      values.fill(GEMAPS_HARMONICS_PARAMS.logRelValueFloorUnvoiced, 3);
      return;
    }
    this.findHarmonicPeaks(pitch, magnitudes);
    this.computeLevels();
    const { levels } = this;
    values[1] = clampDb(f((levels[H1] as number) - (levels[H2] as number)));
    const a3 = this.formantAmplitudeIndex(formantFrequencies[A3_FORMANT - 1] as number);
    values[2] =
      a3 >= 0
        ? clampDb(f((levels[H1] as number) - (levels[a3] as number)))
        : clampDb(f((levels[H1] as number) + FLOOR_DB));
    for (let formant = 0; formant < FORMANT_AMPLITUDES; formant += 1) {
      const index = this.formantAmplitudeIndex(formantFrequencies[formant] as number);
      values[3 + formant] = index >= 0 ? (levels[index] as number) : 0;
    }
  }

  private acfHnrDb(pitch: number, magnitudes: Float32Array): number {
    if (!(pitch > 0)) return 0;
    const { powers, acf, bins } = this;
    for (let k = 0; k < bins; k += 1) {
      const m = magnitudes[k] as number;
      powers[k] = f(m * m);
    }
    this.acfTransform.compute(powers, acf, this.cepstrum);
    acf[bins - 1] = lastLag(powers, bins);
    const sampleRate = (this.binFrequencies[bins - 1] as number) * 2;
    const lag = Math.floor(sampleRate / pitch);
    if (lag <= 0) return 0;
    const peakLag = closestPeak(acf, bins, lag);
    if (peakLag <= 0) return 0;
    const atPeak = acf[peakLag] as number;
    const noise = f((acf[0] as number) - atPeak);
    const ratio = noise === 0 ? MAX_HNR_RATIO : atPeak / noise;
    return f(10 * Math.log10(Math.min(MAX_HNR_RATIO, Math.max(MIN_HNR_RATIO, ratio))));
  }

  /** cHarmonics::findHarmonicPeaks, frequency-axis variant. */
  private findHarmonicPeaks(pitch: number, magnitudes: Float32Array): void {
    const { bins, binFrequencies: frequencies, parabolaPeak } = this;
    let lastBin = this.nearestBin(f(0.5 * pitch), 1);
    const firstBin = this.nearestBin(f(0.5 * pitch), lastBin);
    for (let h = 0; h < GEMAPS_HARMONICS_PARAMS.nHarmonics; h += 1) {
      const candidate = this.nearestBin(f((h + 1) * pitch), lastBin);
      let peak = -1;
      if (isPeak(magnitudes, bins, candidate)) {
        peak = candidate;
      } else {
        const lowerLimit = this.nearestBin(f((h + 0.5) * pitch), lastBin);
        const upperLimit = this.nearestBin(f((h + 1.5) * pitch), candidate);
        let left = candidate - 1;
        let right = candidate + 1;
        while (left >= lowerLimit || right <= upperLimit) {
          if (right <= upperLimit) {
            if (isPeak(magnitudes, bins, right)) {
              peak = right;
              break;
            }
            right += 1;
          }
          if (left >= lowerLimit) {
            if (isPeak(magnitudes, bins, left)) {
              peak = left;
              break;
            }
            left -= 1;
          }
        }
      }
      if (peak >= firstBin && peak < bins - 1) {
        this.peakBins[h] = peak;
        this.magnitudes[h] = magnitudes[peak] as number;
        parabolicPeak(frequencies, magnitudes, peak, parabolaPeak);
        this.interpolatedFrequencies[h] = parabolaPeak[0] as number;
        this.interpolatedMagnitudes[h] = parabolaPeak[1] as number;
      } else {
        this.peakBins[h] = candidate;
        this.magnitudes[h] = 0;
        this.interpolatedFrequencies[h] = 0;
        this.interpolatedMagnitudes[h] = 0;
      }
      lastBin = candidate;
    }
  }

  /**
   * cHarmonics::postProcessHarmonics: dB of each harmonic's interpolated peak over the raw F0
   * peak (log10 of which openSMILE keeps in float32); repeated bins drop out.
   */
  private computeLevels(): void {
    const { levels, magnitudes, interpolatedMagnitudes, peakBins } = this;
    const f0Magnitude = magnitudes[0] as number;
    const relative = f0Magnitude !== 0;
    const f0Log = relative ? f(Math.log10(f0Magnitude)) : 0;
    levels[0] = 0;
    for (let h = 1; h < GEMAPS_HARMONICS_PARAMS.nHarmonics; h += 1) {
      const magnitude = interpolatedMagnitudes[h] as number;
      if (!relative) levels[h] = FLOOR_DB;
      else if (magnitude > 0)
        levels[h] = Math.max(LEVEL_FLOOR_DB, f(20 * (Math.log10(magnitude) - f0Log)));
      else levels[h] = LEVEL_FLOOR_DB;
      if (peakBins[h] === peakBins[h - 1]) {
        peakBins[h] = 0;
        magnitudes[h] = 0;
        interpolatedMagnitudes[h] = 0;
        this.interpolatedFrequencies[h] = 0;
        levels[h] = FLOOR_DB;
      }
    }
  }

  /** The harmonic with the largest raw peak within 0.8..1.2 x the formant frequency, or -1. */
  private formantAmplitudeIndex(formantFrequency: number): number {
    const low = f(FORMANT_LOW * formantFrequency);
    const high = f(FORMANT_HIGH * formantFrequency);
    let best = -1;
    let bestMagnitude = 0;
    for (let h = 0; h < GEMAPS_HARMONICS_PARAMS.nHarmonics; h += 1) {
      const frequency = this.interpolatedFrequencies[h] as number;
      const magnitude = this.magnitudes[h] as number;
      if (frequency >= low && frequency <= high && magnitude > bestMagnitude) {
        best = h;
        bestMagnitude = magnitude;
      }
    }
    return best;
  }

  /**
   * cHarmonics::freqToBin: from `startBin`, the first bin above `frequency` or the one below it,
   * whichever is nearer (ties go up); 0 when `frequency` is past the last bin.
   */
  private nearestBin(frequency: number, startBin: number): number {
    const frequencies = this.binFrequencies;
    // Past Nyquist the scan would find nothing; harmonics up there would scan every bin.
    if (frequency >= (frequencies[this.bins - 1] as number)) return 0;
    for (let bin = startBin; bin < this.bins; bin += 1) {
      const above = frequencies[bin] as number;
      if (above > frequency) {
        return above - frequency > frequency - (frequencies[bin - 1] as number) ? bin - 1 : bin;
      }
    }
    return 0;
  }
}

function clampDb(value: number): number {
  return Math.min(-FLOOR_DB, Math.max(FLOOR_DB, value));
}

/** cHarmonics::isPeak: above both neighbours; the ends need only their one neighbour. */
function isPeak(x: Float32Array, length: number, n: number): boolean {
  if (n < 0 || n >= length) return false;
  const value = x[n] as number;
  if (n + 1 < length) {
    if (n > 0) return value > (x[n - 1] as number) && value > (x[n + 1] as number);
    return value > (x[1] as number);
  }
  return n > 0 && value > (x[n - 1] as number);
}

/**
 * cHarmonics::getClosestPeak: the local maximum nearest `index` (left first at equal distance,
 * the ends excluded), else the larger end, else `index`.
 */
function closestPeak(x: Float32Array, length: number, index: number): number {
  if (isPeak(x, length, index)) return index;
  for (let offset = 1; index - offset > 0 || index + offset < length - 1; offset += 1) {
    if (index - offset > 0 && isPeak(x, length, index - offset)) return index - offset;
    if (index + offset < length - 1 && isPeak(x, length, index + offset)) return index + offset;
  }
  const first = x[0] as number;
  const last = x[length - 1] as number;
  const value = x[index] as number;
  if (first > value && last <= value) return 0;
  if (first <= value && last > value) return length - 1;
  if (first > value && last > value) return index < Math.trunc(length / 2) ? 0 : length - 1;
  return index;
}

/**
 * The ACF lag fftSize / 2 that cHarmonics keeps beyond cAcf's lags: the inverse transform at
 * n / 2 is the alternating sum of the power spectrum (ends halved), |.| / bins as the others.
 */
function lastLag(powers: Float32Array, bins: number): number {
  let sum = ((powers[0] as number) + (powers[bins - 1] as number)) / 2;
  for (let k = 1; k < bins - 1; k += 1) {
    sum += k % 2 === 0 ? (powers[k] as number) : -(powers[k] as number);
  }
  return Math.abs(f(f(sum) / bins));
}

/**
 * smileMath_quadFrom3pts through the peak bin and its neighbours, on the Hz axis as cHarmonics
 * calls it: writes the vertex frequency and magnitude (float32) into `out`. The peak bin is a
 * strict local maximum, so without a parabola the vertex is that bin.
 */
function parabolicPeak(
  frequencies: Float64Array,
  magnitudes: Float32Array,
  peak: number,
  out: Float64Array,
): void {
  parabolaVertex(
    frequencies[peak - 1] as number,
    magnitudes[peak - 1] as number,
    frequencies[peak] as number,
    magnitudes[peak] as number,
    frequencies[peak + 1] as number,
    magnitudes[peak + 1] as number,
    vertex,
  );
  out[0] = f(vertex.x);
  out[1] = f(vertex.y);
}

/** parabolicPeak's scratch vertex (no allocation per harmonic). */
const vertex: ParabolaVertex = { x: 0, y: 0 };
