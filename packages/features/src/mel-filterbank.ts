// openSMILE's cMelspec (bwMethod lr, specScale mel): triangular filters equidistant on the mel scale
// (1127 ln(1 + f/700)), built and applied in float32 exactly as its computeFilters/processVector do,
// so bin-to-band decisions at filter edges fall the same way. Two quirks it keeps:
// - the bin spacing comes from the FFT level's frame duration, which openSMILE derives as
//   configured frame seconds x fftSize / frameSize samples (not fftSize / rate): at 44.1 kHz the
//   25 ms frame has 1103 samples and bins are 1103 / (0.025 x 2048) Hz apart, 0.05 % off;
// - htkcompatible scales energies to 16-bit sample units (x 32767 or x 32767^2 for power).
import { copyValues } from "./copy-values.js";

const f = Math.fround;

export interface MelFilterbankOptions {
  /** Magnitude bins in (fftSize / 2 + 1). */
  readonly bins: number;
  /** Hz between bins as openSMILE believes it (see `openSmileBinSpacing`). */
  readonly binSpacingHz: number;
  readonly nBands: number;
  readonly lofreq: number;
  readonly hifreq: number;
  /** Square the magnitudes first (power spectrum). */
  readonly usePower: boolean;
  /** Scale to 16-bit sample units as HTK does. */
  readonly htkcompatible: boolean;
}

/** The bin spacing openSMILE's cMelspec uses: 1 / (FFT level frame seconds), as float32. */
export function openSmileBinSpacing(
  frameSizeSeconds: number,
  frameSizeSamples: number,
  fftSize: number,
): number {
  const fftFrameSeconds =
    fftSize === frameSizeSamples
      ? frameSizeSeconds
      : (frameSizeSeconds * fftSize) / frameSizeSamples;
  return f(1 / fftFrameSeconds);
}

export function hzToMel(hz: number): number {
  return hz > 0 ? 1127 * Math.log(1 + hz / 700) : 0;
}

export class MelFilterbank {
  readonly nBands: number;
  /** Band energies, overwritten by each `compute`. */
  readonly bands: Float32Array;
  private readonly firstBin: number;
  private readonly endBin: number;
  /** Per bin: the band whose falling slope holds it (-1: none, -2: outside all bands). */
  private readonly channelMap: Int32Array;
  /** Per bin: weight for the falling-slope band; the rising band gets the remainder. */
  private readonly weights: Float32Array;
  private readonly spectrum: Float32Array;
  private readonly usePower: boolean;
  private readonly scale: number;

  constructor(options: MelFilterbankOptions) {
    this.nBands = options.nBands;
    this.usePower = options.usePower;
    this.bands = new Float32Array(options.nBands);
    this.spectrum = new Float32Array(options.bins);
    this.channelMap = new Int32Array(options.bins);
    this.weights = new Float32Array(options.bins);
    const edges = bandEdges(options);
    this.firstBin = edges.firstBin;
    this.endBin = edges.endBin;
    this.fillTables(edges.centres, options.binSpacingHz);
    const unit = options.usePower ? 32767 * 32767 : 32767;
    this.scale = options.htkcompatible ? f(unit) : 1;
  }

  /** Band energies of a magnitude spectrum (length `bins`) into `bands`, which it returns. */
  compute(magnitudes: Float32Array): Float32Array {
    const { bands, spectrum, channelMap, weights, nBands } = this;
    if (this.usePower) {
      for (let n = this.firstBin; n < this.endBin; n += 1) {
        const m = magnitudes[n] ?? 0;
        spectrum[n] = m * m;
      }
    } else {
      copyValues(magnitudes, this.firstBin, spectrum, this.firstBin, this.endBin - this.firstBin);
    }
    bands.fill(0);
    for (let n = this.firstBin; n < this.endBin; n += 1) {
      const band = channelMap[n] ?? -2;
      if (band <= -2) continue;
      const value = spectrum[n] ?? 0;
      const falling = f(value * (weights[n] ?? 0));
      if (band >= 0) bands[band] = (bands[band] ?? 0) + falling;
      if (band < nBands - 1) bands[band + 1] = (bands[band + 1] ?? 0) + f(value - falling);
    }
    if (this.scale !== 1) {
      for (let m = 0; m < nBands; m += 1) bands[m] = (bands[m] ?? 0) * this.scale;
    }
    return bands;
  }

  private fillTables(centres: Float32Array, binSpacingHz: number): void {
    const nBands = this.nBands;
    let m = 0;
    for (let n = 0; n < this.channelMap.length; n += 1) {
      if (n <= this.firstBin || n >= this.endBin) {
        this.channelMap[n] = -3;
        continue;
      }
      const mel = binMel(n, binSpacingHz);
      while ((centres[m] ?? 0) < mel) {
        if (m > nBands) break;
        m += 1;
      }
      this.channelMap[n] = m - 2;
    }
    m = 0;
    for (let n = this.firstBin; n < this.endBin; n += 1) {
      const mel = binMel(n, binSpacingHz);
      while (mel > (centres[m + 1] ?? Number.POSITIVE_INFINITY) && m <= nBands) m += 1;
      const right = centres[m + 1] ?? 0;
      this.weights[n] = f(f(right - mel) / f(right - (centres[m] ?? 0)));
    }
  }
}

/** Mel value of bin n, float32 as openSMILE's NtoFmel. */
function binMel(n: number, binSpacingHz: number): number {
  return f(hzToMel(f(n * binSpacingHz)));
}

/** Filter edge/centre frequencies (mel, nBands + 2 of them) and the bin range they cover. */
function bandEdges(options: MelFilterbankOptions): {
  centres: Float32Array;
  firstBin: number;
  endBin: number;
} {
  const { bins, binSpacingHz, nBands } = options;
  const nyquist = f(f((bins - 1) * 2) * binSpacingHz) / 2;
  let lofreq = f(options.lofreq);
  let hifreq = f(options.hifreq);
  if (lofreq < 0 || lofreq > nyquist || lofreq > hifreq) lofreq = 0;
  if (hifreq < lofreq || hifreq > nyquist || hifreq <= 0) hifreq = f(nyquist);
  const lowMel = f(hzToMel(lofreq));
  const highMel = f(hzToMel(hifreq));
  const bandwidth = f(f(highMel - lowMel) / f(nBands + 1));
  const centres = new Float32Array(nBands + 2);
  for (let m = 0; m <= nBands + 1; m += 1) centres[m] = lowMel + f(m * bandwidth);
  const clampBin = (bin: number) => Math.min(Math.max(bin, 0), bins);
  return {
    centres,
    firstBin: clampBin(Math.round(f(lofreq / binSpacingHz))),
    endBin: clampBin(Math.round(f(hifreq / binSpacingHz))),
  };
}
