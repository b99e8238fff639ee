// openSMILE's cPitchJitter as GeMAPS v01b (and eGeMAPS v02) configures it: jitterLocal and
// shimmerLocalDB of each F0 frame, found by matching pitch periods in the raw waveform
// (searchRangeRel 0.1, minNumPeriods 2, minCC 0.5, useBrokenJitterThresh 0, onlyVoiced 0).
//
// The component walks the signal period by period rather than frame by frame: each frame reads
// from the last period boundary it found (up to lookBehind samples before the frame start) to
// the next frame's start, and at least two search periods. Around the expected period T0 = 1/F0
// it picks the lag, between floor(0.9 T0) and ceil(1.1 T0) samples, whose two adjacent windows
// correlate best (a local maximum of the Pearson correlation, refined by a parabola). A period
// counts when its refined correlation exceeds minCC; its length and the peak-to-peak amplitudes
// of the two windows give the jitter (mean |T_i - T_i-1| / mean T) and shimmer (mean amplitude
// difference / mean amplitude, in dB of 1 + that ratio). The previous period length carries
// over from frame to frame; an unvoiced frame resets it and outputs zeros; a voiced frame with no
// accepted period repeats the previous voiced frame's values. Sums are float32 (FLOAT_DMEM), the
// correlation and the parabola double, as in pitchJitter.cpp.

import { frameGeometry, roundHalfAwayFromZero } from "./framing.js";
import { type ParabolaVertex, parabolaVertex } from "./parabola-vertex.js";

export const GEMAPS_JITTER_PARAMS = {
  frameSizeSeconds: 0.06,
  frameStepSeconds: 0.01,
  searchRangeRel: 0.1,
  minNumPeriods: 2,
  minCC: 0.5,
  /** The lowest F0 cPitchJitter sizes its wave buffer for ("minF0(25.0)" in its constructor). */
  minF0: 25,
} as const;

/** Values per frame: jitterLocal, shimmerLocalDB. */
export const PITCH_JITTER_DIMENSION = 2;

export interface PitchJitterOptions {
  readonly sampleRate: number;
  /** The F0 frames' length and step (GeMAPS: 60 ms every 10 ms, openSMILE's cFramer rounding). */
  readonly frameSizeSeconds?: number;
  readonly frameStepSeconds?: number;
  /**
   * The lowest F0 (Hz) the sample history is sized for; a frame with a lower F0, or one above
   * Nyquist, is taken as unvoiced. GeMAPS's pitch never goes below its tracker's 55 Hz.
   */
  readonly minF0?: number;
}

export class PitchJitter {
  readonly frameSize: number;
  readonly frameStep: number;
  /**
   * Samples before a frame's start that its computation may read: the component keeps them from
   * the frames it was given, so the caller passes only each frame's own `frameSize` samples.
   */
  readonly lookBehind: number;
  private readonly samplePeriod: number;
  private readonly minF0: number;
  /** cPitchJitter's `ppLen`: samples a frame advances the read position, ceil(step / T). */
  private readonly readStep: number;
  /** Samples `historyStart` .. `historyEnd` - 1 of the signal. */
  private readonly history: Float32Array;
  private historyStart = 0;
  private historyEnd = 0;
  /** Cross-correlation per candidate period length (double, as crossCorr returns it). */
  private readonly correlations: Float64Array;
  /** The refined correlation peak of the last period search. */
  private readonly vertex: ParabolaVertex = { x: 0, y: 0 };
  private frameIndex = 0;
  /** Absolute sample index of the last period boundary (openSMILE `lastIdx`). */
  private lastBoundary = 0;
  /** Samples from the last period boundary to the frame start (openSMILE `lastMis`). */
  private carried = 0;
  /** Length of the last accepted period, seconds, 0 after an unvoiced frame (`lastT0`). */
  private previousPeriod = 0;
  /** The current frame's expected period and search range, samples. */
  private expected = 0;
  private shortest = 0;
  private longest = 0;
  private lastJitterLocal = 0;
  private lastShimmerLocal = 0;

  constructor(options: PitchJitterOptions) {
    const p = GEMAPS_JITTER_PARAMS;
    const frameSizeSeconds = options.frameSizeSeconds ?? p.frameSizeSeconds;
    const frameStepSeconds = options.frameStepSeconds ?? p.frameStepSeconds;
    this.minF0 = options.minF0 ?? p.minF0;
    if (!(this.minF0 > 0)) throw new RangeError(`minF0 must be positive, got ${this.minF0}`);
    const geometry = frameGeometry(options.sampleRate, frameSizeSeconds, frameStepSeconds);
    this.frameSize = geometry.frameSize;
    this.frameStep = geometry.frameStep;
    if (this.frameStep > this.frameSize) {
      throw new RangeError("the F0 frames must overlap or touch: frame step above frame size");
    }
    this.samplePeriod = 1 / options.sampleRate;
    this.readStep = Math.ceil(frameStepSeconds / this.samplePeriod);
    const longestSearch = Math.ceil((1 + p.searchRangeRel) * (1 / this.minF0 / this.samplePeriod));
    // The read start trails the frame start by at most two search periods and one step.
    this.lookBehind = 2 * longestSearch + 2 + this.readStep;
    this.history = new Float32Array(this.lookBehind + this.frameSize + this.frameStep);
    this.correlations = new Float64Array(longestSearch + 2);
  }

  /**
   * The next frame (frame k starts at sample k * frameStep): its samples are
   * `samples[start .. start + frameSize)`, `f0` its F0final (Hz, 0 = unvoiced). Writes
   * jitterLocal and shimmerLocalDB to `out` from `outOffset`.
   */
  compute(samples: Float32Array, start: number, f0: number, out: Float32Array, outOffset: number) {
    const frameStart = this.frameIndex * this.frameStep;
    this.frameIndex += 1;
    this.append(samples, start, frameStart);
    const pitch = Math.fround(f0);
    const voiced = pitch >= this.minF0 && pitch <= 0.5 / this.samplePeriod;
    // openSMILE's toRead0: up to the next frame's start; a voiced frame reads two search periods.
    const stepEnd = this.readStep + this.carried;
    let toRead = stepEnd;
    if (voiced) {
      this.setSearchRange(pitch);
      const { minNumPeriods } = GEMAPS_JITTER_PARAMS;
      toRead = Math.max(toRead, minNumPeriods * this.longest + minNumPeriods);
    }
    // maxRead: up to the frame's end. openSMILE takes the frame length from its time metadata,
    // which can round up to one sample more; only a search below 2.2 rate / frameSize Hz (37 Hz
    // for 60 ms) reaches it, and that sample may lie past the input.
    toRead = Math.min(toRead, this.carried + this.frameSize);
    if (frameStart - this.carried !== this.lastBoundary) {
      // openSMILE's "discontinuity": a read step, ceil(step / T), that is not the framer's step.
      this.lastBoundary = frameStart;
      toRead = Math.min(toRead, this.frameSize);
    }
    if (voiced) {
      this.measurePeriods(toRead, stepEnd, out, outOffset);
      return;
    }
    this.lastBoundary += stepEnd;
    this.carried = 0;
    this.previousPeriod = 0;
    this.lastJitterLocal = 0;
    this.lastShimmerLocal = 0;
    out[outOffset] = 0;
    out[outOffset + 1] = 0;
  }

  /** The candidate period lengths around the expected one, in samples. */
  private setSearchRange(pitch: number): void {
    const { searchRangeRel } = GEMAPS_JITTER_PARAMS;
    const expected = 1 / pitch / this.samplePeriod;
    this.expected = roundHalfAwayFromZero(expected);
    this.shortest = Math.floor((1 - searchRangeRel) * expected);
    this.longest = Math.ceil((1 + searchRangeRel) * expected);
  }

  /** Copies the frame's samples not yet held, first dropping those before the read start. */
  private append(samples: Float32Array, start: number, frameStart: number): void {
    const frameEnd = frameStart + this.frameSize;
    if (frameEnd - this.historyStart > this.history.length) {
      const keepFrom = this.lastBoundary - this.historyStart;
      this.history.copyWithin(0, keepFrom, this.historyEnd - this.historyStart);
      this.historyStart = this.lastBoundary;
    }
    const from = this.historyEnd - frameStart;
    this.history.set(
      samples.subarray(start + from, start + this.frameSize),
      this.historyEnd - this.historyStart,
    );
    this.historyEnd = frameEnd;
  }

  /** Walks the periods from the last boundary over `toRead` samples; `stepEnd` is toRead0. */
  private measurePeriods(toRead: number, stepEnd: number, out: Float32Array, outOffset: number) {
    const { minCC } = GEMAPS_JITTER_PARAMS;
    const { shortest, longest, history: x, correlations: cc } = this;
    const base = this.lastBoundary - this.historyStart;
    const candidates = longest - shortest;
    let periods = 0;
    let consecutivePairs = 0;
    let periodSum = 0;
    let periodDiffSum = 0;
    let amplitudeSum = 0;
    let amplitudeDiffSum = 0;
    let boundary = 0;
    let position = 0;
    while (position < toRead - 2 * longest - 1) {
      const at = base + position;
      for (let length = shortest; length <= longest; length += 1) {
        cc[length - shortest] = crossCorrelation(x, at, at + length, length);
      }
      const peak = strongestPeak(cc, candidates);
      if (peak < 0) {
        position += this.expected;
      } else {
        const length = shortest + peak;
        const first = peakToPeak(x, at, length);
        const second = peakToPeak(x, at + length, length);
        position += length;
        const before = cc[peak - 1] as number;
        const refined = this.vertex;
        parabolaVertex(
          peak - 1,
          before,
          peak,
          cc[peak] as number,
          peak + 1,
          cc[peak + 1] as number,
          refined,
        );
        if (refined.y > minCC) {
          const period = Math.fround(Math.abs(shortest + refined.x) * this.samplePeriod);
          periodSum = Math.fround(periodSum + period);
          periods += 1;
          if (this.previousPeriod > 0) {
            const diff = Math.abs(Math.fround(this.previousPeriod - period));
            periodDiffSum = Math.fround(periodDiffSum + diff);
            consecutivePairs += 1;
          }
          this.previousPeriod = period;
          amplitudeSum = Math.fround(amplitudeSum + Math.fround(Math.fround(first + second) / 2));
          amplitudeDiffSum = Math.fround(amplitudeDiffSum + Math.abs(Math.fround(first - second)));
        }
      }
      if (position < stepEnd - 1) boundary = position;
    }
    this.carried = stepEnd - boundary;
    this.lastBoundary += boundary;

    if (periods > 0 && consecutivePairs > 0) {
      const meanDiff = Math.fround(periodDiffSum / consecutivePairs);
      this.lastJitterLocal = Math.fround(meanDiff / Math.fround(periodSum / periods));
      out[outOffset] = this.clampedJitter();
    } else {
      out[outOffset] = periods === 0 ? this.clampedJitter() : 0;
    }
    if (periods > 0) {
      this.lastShimmerLocal = amplitudeSum > 0 ? Math.fround(amplitudeDiffSum / amplitudeSum) : 0;
    }
    if (this.lastShimmerLocal > 1) this.lastShimmerLocal = 1;
    out[outOffset + 1] = amplitudeRatioToDb(this.lastShimmerLocal + 1);
  }

  /** openSMILE caps jitter at 1 in its state, not only in the output. */
  private clampedJitter(): number {
    if (this.lastJitterLocal > 1) this.lastJitterLocal = 1;
    return this.lastJitterLocal;
  }
}

/**
 * Pearson correlation of `length` samples from `a` with `length` samples from `b`: float32
 * samples, double sums (cPitchJitter::crossCorr). Zero variance gives NaN, as there.
 */
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

/**
 * Index of the highest strict local maximum among cc[1 .. count - 2] (the first of equals), or
 * -1; openSMILE never looks at cc[count], the longest candidate.
 */
function strongestPeak(cc: Float64Array, count: number): number {
  let best = -1;
  let bestValue = 0;
  for (let i = 1; i < count - 1; i += 1) {
    const value = cc[i] as number;
    if ((cc[i - 1] as number) < value && value > (cc[i + 1] as number)) {
      if (best < 0 || value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
  }
  return best;
}

/** max - min of samples 1 .. length - 2 of the window (cPitchJitter::amplitudeDiff), float32. */
function peakToPeak(x: Float32Array, at: number, length: number): number {
  let max = x[at + 1] as number;
  let min = max;
  for (let i = at + 1; i < at + length - 1; i += 1) {
    const value = x[i] as number;
    if (value > max) max = value;
    if (value < min) min = value;
  }
  return Math.fround(max - min);
}

/** smileDsp_amplitudeRatioToDB: 20 log10(a) as 20 ln(a) / ln(10), -1000 at and below 1e-49. */
function amplitudeRatioToDb(ratio: number): number {
  return ratio > 10e-50 ? (20 * Math.log(ratio)) / Math.log(10) : -1000;
}
