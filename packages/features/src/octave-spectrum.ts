// openSMILE's cSpecScale as GeMAPS configures it for its pitch tracker: a linear FFT magnitude
// spectrum onto an octave (log2) axis of as many points as FFT bins, from minF = 25 Hz to the
// Nyquist bin, by a natural cubic spline, after SHS peak enhancement and smoothing, then weighted
// by the ear's sensitivity (specEnhance = specSmooth = auditoryWeighting = 1). Double precision as
// there; the output is float32 as openSMILE's data memory holds it.

export interface OctaveSpectrumOptions {
  /** FFT magnitudes per frame (fftSize / 2 + 1). */
  readonly bins: number;
  /**
   * The FFT level's frame length in seconds: the framer's frameSize (0.060, as configured, not
   * rounded to samples) times fftSize / frameSizeSamples, as cTransformFFT rescales it.
   */
  readonly fftFrameSeconds: number;
  /** Lowest frequency of the octave axis, Hz (cSpecScale minF). */
  readonly minFrequency?: number;
}

export class OctaveSpectrum {
  /** The spectrum on the octave axis (float32), overwritten by each `compute`. */
  readonly output: Float32Array;
  /**
   * cSpecScale's level metadata as float32, which cPitchShs reads: minF, nOctaves, points per
   * octave, and the axis' first and last points in log2(Hz).
   */
  readonly minFrequency: number;
  readonly octaves: number;
  readonly pointsPerOctave: number;
  readonly firstLog2: number;
  readonly lastLog2: number;
  private readonly bins: number;
  /** log2 of each bin's frequency (bin 0 extrapolated from bins 1 and 2, as there). */
  private readonly binLog2: Float64Array;
  private readonly sigma: Float64Array;
  private readonly diff1: Float64Array;
  private readonly diff2: Float64Array;
  /**
   * The spline's tridiagonal pivots p and the factors its forward pass leaves in y2, which
   * depend on the axis alone: computed once, as smileMath_cspline computes them every frame.
   */
  private readonly pivots: Float64Array;
  private readonly factors: Float64Array;
  /** Per output point: the source interval's lower bin and the spline weights a, 1 - a, c, d. */
  private readonly lowerBin: Int32Array;
  private readonly weights: Float64Array;
  private readonly auditoryWeights: Float64Array;
  private readonly y: Float64Array;
  private readonly y2: Float64Array;
  private readonly u: Float64Array;
  private readonly peaks: Int32Array;

  constructor(options: OctaveSpectrumOptions) {
    const { bins } = options;
    if (!Number.isInteger(bins) || bins < 4) {
      throw new RangeError(`an octave spectrum needs at least 4 bins, got ${bins}`);
    }
    this.bins = bins;
    const minF = Math.max(1, options.minFrequency ?? 25);
    // cSpecScale keeps the frame length as float (fsSec), then works in double.
    const deltaF = 1 / Math.fround(options.fftFrameSeconds);
    const maxF = deltaF * (bins - 1);
    const points = bins;
    const firstLog2 = Math.log(minF) / Math.LN2;
    const lastLog2 = Math.log(maxF) / Math.LN2;
    const step = (lastLog2 - firstLog2) / (points - 1);

    this.binLog2 = new Float64Array(bins);
    const f = this.binLog2;
    for (let i = 1; i < bins; i += 1) f[i] = Math.log(i * deltaF) / Math.LN2;
    f[0] = 2 * (f[1] as number) - (f[2] as number);

    this.sigma = new Float64Array(bins);
    this.diff1 = new Float64Array(bins);
    this.diff2 = new Float64Array(bins);
    for (let i = 1; i < bins - 1; i += 1) {
      const below = f[i - 1] as number;
      const at = f[i] as number;
      const above = f[i + 1] as number;
      this.sigma[i] = (at - below) / (above - below);
      this.diff1[i] = (above - at) * (above - below);
      this.diff2[i] = (at - below) * (above - below);
    }
    this.pivots = new Float64Array(bins);
    this.factors = new Float64Array(bins);
    for (let i = 1; i < bins - 1; i += 1) {
      const s = this.sigma[i] as number;
      const p = 1 / (s * (this.factors[i - 1] as number) + 2);
      this.pivots[i] = p;
      this.factors[i] = (s - 1) * p;
    }

    this.lowerBin = new Int32Array(points);
    this.weights = new Float64Array(points * 4);
    let upper = 1;
    for (let i = 0; i < points; i += 1) {
      const x = firstLog2 + i * step;
      while (upper < bins && (f[upper] as number) < x) upper += 1;
      // smileMath_csplint_init refuses a last point a rounding above the last bin (it never is
      // at GeMAPS' rates); the last interval serves it here.
      const hi = Math.min(upper, bins - 1);
      const lo = hi - 1;
      const range = (f[hi] as number) - (f[lo] as number);
      const a = ((f[hi] as number) - x) / range;
      const b = 1 - a;
      const range2 = (range * range) / 6;
      this.lowerBin[i] = lo;
      this.weights[4 * i] = a;
      this.weights[4 * i + 1] = 1 - a;
      this.weights[4 * i + 2] = (a * a * a - a) * range2;
      this.weights[4 * i + 3] = (b * b * b - b) * range2;
    }

    const octaves = Math.log(maxF / minF) / Math.LN2;
    const perOctave = points / octaves;
    const atanShift = perOctave * (Math.log(65 / 50) / Math.LN2) - 1;
    this.auditoryWeights = new Float64Array(points);
    for (let i = 0; i < points; i += 1) {
      this.auditoryWeights[i] = 0.5 + Math.atan((3 * (i + 1 - atanShift)) / perOctave) / Math.PI;
    }

    this.minFrequency = Math.fround(minF);
    this.octaves = Math.fround(octaves);
    this.pointsPerOctave = Math.fround(perOctave);
    this.firstLog2 = Math.fround(firstLog2);
    this.lastLog2 = Math.fround(lastLog2);
    this.output = new Float32Array(points);
    this.y = new Float64Array(bins);
    this.y2 = new Float64Array(bins);
    this.u = new Float64Array(bins);
    this.peaks = new Int32Array(Math.floor((bins + 1) / 2) + 1);
  }

  /** The octave spectrum of `magnitudes` (bins values from `offset`) into `output`. */
  compute(magnitudes: Float32Array, offset = 0): void {
    const { y, bins } = this;
    for (let i = 0; i < bins; i += 1) y[i] = magnitudes[offset + i] as number;
    this.enhancePeaks();
    // smileDsp_specSmoothSHS: [1 2 1] / 4 in place, the last bin left as it is (times 0.25 is
    // the division by 4, exactly).
    let before = 0;
    for (let i = 0; i < bins - 1; i += 1) {
      const at = y[i] as number;
      y[i] = (before + 2 * at + (y[i + 1] as number)) * 0.25;
      before = at;
    }
    this.naturalSpline();
    const { output, lowerBin, weights, auditoryWeights, y2 } = this;
    for (let i = 0; i < output.length; i += 1) {
      const k = lowerBin[i] as number;
      const w = 4 * i;
      const value = Math.fround(
        (weights[w] as number) * (y[k] as number) +
          (weights[w + 1] as number) * (y[k + 1] as number) +
          (weights[w + 2] as number) * (y2[k] as number) +
          (weights[w + 3] as number) * (y2[k + 1] as number),
      );
      output[i] = value > 0 ? Math.fround(value * (auditoryWeights[i] as number)) : 0;
    }
  }

  /**
   * smileDsp_specEnhanceSHS: zero every bin more than 2 bins away from a local maximum, between
   * neighbouring maxima. With a single maximum openSMILE reads the (zeroed) slot after it as its
   * position, so it zeroes everything from bin 3 on; reproduced.
   */
  private enhancePeaks(): void {
    const { y, bins, peaks } = this;
    let count = 0;
    if ((y[0] as number) > (y[1] as number)) peaks[count++] = 0;
    // Without branches: a maximum every few bins makes them a coin toss for the CPU.
    let before = y[0] as number;
    let at = y[1] as number;
    for (let i = 1; i < bins - 1; i += 1) {
      const after = y[i + 1] as number;
      peaks[count] = i;
      count += +(at > before) & +(at >= after);
      before = at;
      at = after;
    }
    if ((y[bins - 1] as number) > (y[bins - 2] as number)) peaks[count++] = bins - 1;
    if (count === 1) {
      for (let j = 3; j < bins; j += 1) y[j] = 0;
      return;
    }
    for (let p = 1; p < count; p += 1) {
      const last = (peaks[p] as number) - 3;
      for (let j = (peaks[p - 1] as number) + 3; j <= last; j += 1) y[j] = 0;
    }
  }

  /** smileMath_cspline with natural ends: second derivatives of the spline through y into y2. */
  private naturalSpline(): void {
    const { y, y2, u, sigma, diff1, diff2, pivots, factors, bins } = this;
    // Both passes are recurrences: the previous value stays in a local, not read back.
    let previous = 0;
    u[0] = previous;
    for (let i = 1; i < bins - 1; i += 1) {
      const slope =
        ((y[i + 1] as number) - (y[i] as number)) / (diff1[i] as number) -
        ((y[i] as number) - (y[i - 1] as number)) / (diff2[i] as number);
      previous = (pivots[i] as number) * (6 * slope - (sigma[i] as number) * previous);
      u[i] = previous;
    }
    // (un - qn u[N-2]) / (qn y2[N-2] + 1) with qn = un = 0.
    let next = (0 - 0 * (u[bins - 2] as number)) / (0 * (factors[bins - 2] as number) + 1);
    y2[bins - 1] = next;
    for (let j = bins - 2; j >= 0; j -= 1) {
      next = (factors[j] as number) * next + (u[j] as number);
      y2[j] = next;
    }
  }
}
