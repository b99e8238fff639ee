// How openSMILE's cSpectral maps a band lowHz-highHz to FFT bins, the same way for its band
// energies (`bands`) and its band slopes (`slopes`): bin k lies at k x binHz (cTransformFFT's
// frequency axis, double).

export interface SpectralBandBins {
  readonly firstBin: number;
  readonly lastBin: number;
  readonly firstWeight: number;
  readonly lastWeight: number;
  /** The difference of the two bin indices before clamping (cSpectral's slope `Nind`). */
  readonly pointCount: number;
}

/**
 * cSpectral's bins and weights for a band: it starts one bin below the first bin above lowHz,
 * weighted by that bin's distance to lowHz, and ends on the first bin at or above highHz when
 * that bin is exactly there, else one bin below, weighted by its distance from highHz (a weight
 * of 0 counts as 1). A band above the spectrum is its last bin with weight 0.
 */
export function spectralBandBins(
  lowHz: number,
  highHz: number,
  bins: number,
  binHz: number,
): SpectralBandBins {
  const frequency = (k: number) => k * binHz;
  let above = 0;
  while (above < bins && frequency(above) <= lowHz) above += 1;
  const lowWeight =
    above < bins && above > 0
      ? (frequency(above) - lowHz) / (frequency(above) - frequency(above - 1))
      : 1;
  const lowIndex = Math.min(Math.max(above - 1, 0), bins);
  // openSMILE compares the bin frequencies with highHz as float32.
  const high = Math.fround(highHz);
  let atOrAbove = 0;
  while (atOrAbove < bins && frequency(atOrAbove) < high) atOrAbove += 1;
  const highWeight =
    atOrAbove < bins && atOrAbove > 0
      ? (highHz - frequency(atOrAbove - 1)) / (frequency(atOrAbove) - frequency(atOrAbove - 1))
      : 1;
  const exact = atOrAbove < bins && frequency(atOrAbove) === high;
  const highIndex = Math.min(exact ? atOrAbove : atOrAbove - 1, bins - 1);
  const pointCount = highIndex - lowIndex;
  if (lowIndex >= bins) {
    return { firstBin: bins - 1, lastBin: bins - 1, firstWeight: 0, lastWeight: 0, pointCount };
  }
  return {
    firstBin: lowIndex,
    lastBin: Math.max(highIndex, 0),
    firstWeight: lowWeight === 0 ? 1 : lowWeight,
    lastWeight: highWeight === 0 ? 1 : highWeight,
    pointCount,
  };
}
