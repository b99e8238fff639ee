// openSMILE's cMelspec (bwMethod lr, specScale mel): triangular filters equidistant on the mel scale
// (1127 ln(1 + f/700)), built and applied in float32 exactly as its computeFilters/processVector do,
// so bin-to-band decisions at filter edges fall the same way. Two quirks it keeps:
// - the bin spacing comes from the FFT level's frame duration, which openSMILE derives as
//   configured frame seconds x fftSize / frameSize samples (not fftSize / rate): at 44.1 kHz the
//   25 ms frame has 1103 samples and bins are 1103 / (0.025 x 2048) Hz apart, 0.05 % off;
// - htkcompatible scales energies to 16-bit sample units (x 32767 or x 32767^2 for power).
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
  /**
   * Per band b: its rising slope is bins edges[b]..edges[b+1]-1, its falling slope
   * edges[b+1]..edges[b+2]-1 (the next band's rising slope), so each band sums two bin ranges.
   */
  private readonly edges: Int32Array;
  /** Per bin: weight for the band whose falling slope holds it; the rising band gets the rest. */
  private readonly weights: Float32Array;
  private readonly usePower: boolean;
  private readonly scale: number;

  constructor(options: MelFilterbankOptions) {
    this.nBands = options.nBands;
    this.usePower = options.usePower;
    this.bands = new Float32Array(options.nBands);
    this.weights = new Float32Array(options.bins);
    const edges = bandEdges(options);
    this.edges = this.fillTables(edges, options);
    const unit = options.usePower ? 32767 * 32767 : 32767;
    this.scale = options.htkcompatible ? f(unit) : 1;
  }

  /**
   * Band energies of a spectrum into `bands`, which it returns: from `powers` (length `bins`)
   * when built with usePower, else from `magnitudes`.
   */
  compute(magnitudes: Float32Array, powers: Float32Array): Float32Array {
    const { bands, edges, weights, nBands, scale } = this;
    const spectrum = this.usePower ? powers : magnitudes;
    // openSMILE adds each bin's two shares to its two bands in bin order, rounding to float32 at
    // every step. Slope s holds the falling bins of band s - 1 (whose rising bins came before)
    // and the rising bins of band s: both sums advance together, two independent chains.
    let falling = 0;
    for (let slope = 0; slope <= nBands; slope += 1) {
      let rising = 0;
      const end = edges[slope + 1] as number;
      for (let n = edges[slope] as number; n < end; n += 1) {
        const value = spectrum[n] as number;
        const share = f(value * (weights[n] as number));
        falling = f(falling + share);
        rising = f(rising + f(value - share));
      }
      if (slope > 0) bands[slope - 1] = falling * scale;
      falling = rising;
    }
    return bands;
  }

  /**
   * cMelspec's tables: for every bin in (firstBin, endBin) the band whose falling slope holds it
   * (as openSMILE's chanMap, from float32 mel comparisons) and its weight; returns the slopes' bin
   * ranges (see `edges`).
   */
  private fillTables(
    range: { centres: Float32Array; firstBin: number; endBin: number },
    options: MelFilterbankOptions,
  ): Int32Array {
    const { centres, firstBin, endBin } = range;
    const { bins, binSpacingHz } = options;
    const nBands = this.nBands;
    // chanMap: -1 rising slope of band 0 only, nBands - 1 falling slope of the last band only,
    // below -1 (bins at or outside the edges, or before the first centre) in no band.
    const channelMap = new Int32Array(bins).fill(-3);
    let m = 0;
    for (let n = firstBin + 1; n < endBin; n += 1) {
      const mel = binMel(n, binSpacingHz);
      while ((centres[m] ?? 0) < mel) {
        if (m > nBands) break;
        m += 1;
      }
      channelMap[n] = m - 2;
    }
    m = 0;
    for (let n = firstBin; n < endBin; n += 1) {
      const mel = binMel(n, binSpacingHz);
      while (mel > (centres[m + 1] ?? Number.POSITIVE_INFINITY) && m <= nBands) m += 1;
      const right = centres[m + 1] ?? 0;
      this.weights[n] = f(f(right - mel) / f(right - (centres[m] ?? 0)));
    }
    // chanMap rises with the bin, so the bins of slope s (chanMap = s - 1) are one run; an empty
    // slope's run starts where the next one does.
    const edges = new Int32Array(nBands + 2).fill(endBin);
    for (let n = endBin - 1; n > firstBin; n -= 1) {
      const slope = (channelMap[n] as number) + 1;
      if (slope >= 0) edges[slope] = n;
    }
    for (let s = nBands; s >= 0; s -= 1) {
      edges[s] = Math.min(edges[s] as number, edges[s + 1] as number);
    }
    return edges;
  }
}

/** Mel value of bin n, float32 as openSMILE's NtoFmel. */
function binMel(n: number, binSpacingHz: number): number {
  return f(hzToMel(f(n * binSpacingHz)));
}

/** lofreq and hifreq as cMelspec clamps them to the spectrum (float32). */
function bandLimits(options: MelBandOptions): { lofreq: number; hifreq: number } {
  const nyquist = f(f((options.bins - 1) * 2) * options.binSpacingHz) / 2;
  let lofreq = f(options.lofreq);
  let hifreq = f(options.hifreq);
  if (lofreq < 0 || lofreq > nyquist || lofreq > hifreq) lofreq = 0;
  if (hifreq < lofreq || hifreq > nyquist || hifreq <= 0) hifreq = f(nyquist);
  return { lofreq, hifreq };
}

export type MelBandOptions = Pick<
  MelFilterbankOptions,
  "bins" | "binSpacingHz" | "nBands" | "lofreq" | "hifreq"
>;

/**
 * The filters' edge and centre frequencies in mel (nBands + 2, float32, as cMelspec computes
 * them): band b rises from edge b to its centre b + 1 and falls to edge b + 2.
 */
export function melBandEdges(options: MelBandOptions): Float32Array {
  const { lofreq, hifreq } = bandLimits(options);
  const lowMel = f(hzToMel(lofreq));
  const highMel = f(hzToMel(hifreq));
  const bandwidth = f(f(highMel - lowMel) / f(options.nBands + 1));
  const edges = new Float32Array(options.nBands + 2);
  for (let m = 0; m <= options.nBands + 1; m += 1) edges[m] = lowMel + f(m * bandwidth);
  return edges;
}

/** Filter edge/centre frequencies (mel, nBands + 2 of them) and the bin range they cover. */
function bandEdges(options: MelFilterbankOptions): {
  centres: Float32Array;
  firstBin: number;
  endBin: number;
} {
  const { bins, binSpacingHz } = options;
  const { lofreq, hifreq } = bandLimits(options);
  const clampBin = (bin: number) => Math.min(Math.max(bin, 0), bins);
  return {
    centres: melBandEdges(options),
    firstBin: clampBin(Math.round(f(lofreq / binSpacingHz))),
    endBin: clampBin(Math.round(f(hifreq / binSpacingHz))),
  };
}
