// openSMILE's cPitchJitter as GeMAPS v01b / eGeMAPS v02 and ComParE 2016 configure it: per F0
// frame, jitter, shimmer and (ComParE) the harmonics-to-noise ratio, found by matching pitch periods
// in the raw waveform (onlyVoiced 0, useBrokenJitterThresh 0, minNumPeriods 2, minCC 0.5; GeMAPS:
// searchRangeRel 0.1, jitterLocal and shimmerLocalDB; ComParE: searchRangeRel 0.25, jitterLocal,
// jitterDDP, shimmerLocal and logHNR).
//
// The component walks the signal period by period rather than frame by frame: each frame reads
// from the last period boundary it found (up to lookBehind samples before the frame start) to
// the next frame's start, and at least two search periods. Around the expected period T0 = 1/F0
// it picks the lag, between floor((1 - searchRangeRel) T0) and ceil((1 + searchRangeRel) T0)
// samples, whose two adjacent windows correlate best (a local maximum of the Pearson correlation,
// refined by a parabola). A period counts when its refined correlation exceeds minCC; its length
// and the peak-to-peak amplitudes of the two windows give the jitter (jitterLocal: mean
// |T_i - T_i-1| / mean T; jitterDDP: mean ||T_i - T_i-1| - |T_i-1 - T_i-2|| / mean T) and shimmer
// (mean amplitude difference / mean amplitude, as that ratio or in dB of 1 + it). The previous
// period length and difference carry over from frame to frame; an unvoiced frame resets them and
// outputs zeros (logHNR -100); a voiced frame with no accepted period repeats the previous voiced
// frame's jitter and shimmer. Sums are float32 (FLOAT_DMEM), the correlation and the parabola
// double, as in pitchJitter.cpp.

import { frameGeometry, roundHalfAwayFromZero } from "./framing.js";
import { type ParabolaVertex, parabolaVertex } from "./parabola-vertex.js";
import { periodCorrelations } from "./period-correlations.js";
import { LOG_HNR_FLOOR, WaveformHnr } from "./waveform-hnr.js";

export interface PitchJitterParams {
  /** The F0 frames' length and step (60 ms every 10 ms, openSMILE's cFramer rounding). */
  readonly frameSizeSeconds: number;
  readonly frameStepSeconds: number;
  readonly searchRangeRel: number;
  readonly minNumPeriods: number;
  readonly minCC: number;
  /**
   * The lowest F0 (Hz) the sample history is sized for ("minF0(25.0)" in cPitchJitter's
   * constructor); a frame with a lower F0, or one above Nyquist, is taken as unvoiced. The
   * pitch trackers feeding it never go below 52 Hz. (inputMaxDelaySec only sizes openSMILE's wave
   * buffer.)
   */
  readonly minF0: number;
  /** The outputs, written in this order when enabled (cPitchJitter's own order). */
  readonly jitterLocal: boolean;
  readonly jitterDDP: boolean;
  readonly shimmerLocal: boolean;
  readonly shimmerLocalDB: boolean;
  readonly logHNR: boolean;
}

export const GEMAPS_JITTER_PARAMS = {
  frameSizeSeconds: 0.06,
  frameStepSeconds: 0.01,
  searchRangeRel: 0.1,
  minNumPeriods: 2,
  minCC: 0.5,
  minF0: 25,
  jitterLocal: true,
  jitterDDP: false,
  shimmerLocal: false,
  shimmerLocalDB: true,
  logHNR: false,
} as const satisfies PitchJitterParams;

/** ComParE 2016's is13_pitchJitter. */
export const COMPARE16_JITTER_PARAMS = {
  ...GEMAPS_JITTER_PARAMS,
  searchRangeRel: 0.25,
  jitterDDP: true,
  shimmerLocal: true,
  shimmerLocalDB: false,
  logHNR: true,
} as const satisfies PitchJitterParams;

/** Values per frame with GEMAPS_JITTER_PARAMS: jitterLocal, shimmerLocalDB. */
export const PITCH_JITTER_DIMENSION = 2;

export interface PitchJitterOptions {
  readonly sampleRate: number;
  readonly params?: PitchJitterParams;
}

export class PitchJitter {
  readonly frameSize: number;
  readonly frameStep: number;
  /** Values written per frame: the enabled outputs. */
  readonly dimension: number;
  /**
   * Samples before a frame's start that its computation may read: the component keeps them from
   * the frames it was given, so the caller passes only each frame's own `frameSize` samples.
   */
  readonly lookBehind: number;
  private readonly params: PitchJitterParams;
  private readonly samplePeriod: number;
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
  private readonly hnr: WaveformHnr | undefined;
  private frameIndex = 0;
  /** Absolute sample index of the last period boundary (openSMILE `lastIdx`). */
  private lastBoundary = 0;
  /** Samples from the last period boundary to the frame start (openSMILE `lastMis`). */
  private carried = 0;
  /** Length of the last accepted period, seconds, 0 after an unvoiced frame (`lastT0`). */
  private previousPeriod = 0;
  /** |difference| of the last two accepted periods, 0 after an unvoiced frame (`lastDiff`). */
  private previousDifference = 0;
  /** The current frame's expected period and search range, samples. */
  private expected = 0;
  private shortest = 0;
  private longest = 0;
  /** The current frame's sums over its accepted periods (FLOAT_DMEM) and its HNR. */
  private periods = 0;
  private periodSum = 0;
  private localPairs = 0;
  private localSum = 0;
  private ddpPairs = 0;
  private ddpSum = 0;
  private amplitudeSum = 0;
  private amplitudeDiffSum = 0;
  private logHnr = 0;
  private lastJitterLocal = 0;
  private lastJitterDdp = 0;
  private lastShimmerLocal = 0;

  constructor(options: PitchJitterOptions) {
    const p = options.params ?? GEMAPS_JITTER_PARAMS;
    this.params = p;
    if (!(p.minF0 > 0)) throw new RangeError(`minF0 must be positive, got ${p.minF0}`);
    const geometry = frameGeometry(options.sampleRate, p.frameSizeSeconds, p.frameStepSeconds);
    this.frameSize = geometry.frameSize;
    this.frameStep = geometry.frameStep;
    if (this.frameStep > this.frameSize) {
      throw new RangeError("the F0 frames must overlap or touch: frame step above frame size");
    }
    this.dimension = [
      p.jitterLocal,
      p.jitterDDP,
      p.shimmerLocal,
      p.shimmerLocalDB,
      p.logHNR,
    ].filter(Boolean).length;
    this.samplePeriod = 1 / options.sampleRate;
    this.readStep = Math.ceil(p.frameStepSeconds / this.samplePeriod);
    const longestPeriod = 1 / p.minF0 / this.samplePeriod;
    const longestSearch = Math.ceil((1 + p.searchRangeRel) * longestPeriod);
    // The read start trails the frame start by at most two search periods and one step.
    this.lookBehind = 2 * longestSearch + 2 + this.readStep;
    this.history = new Float32Array(this.lookBehind + this.frameSize + this.frameStep);
    this.correlations = new Float64Array(longestSearch + 2);
    // Every step of the period walk advances at least one sample.
    this.hnr = p.logHNR
      ? new WaveformHnr(roundHalfAwayFromZero(longestPeriod), this.history.length)
      : undefined;
  }

  /**
   * The next frame (frame k starts at sample k * frameStep): its samples are
   * `samples[start .. start + frameSize)`, `f0` its F0final (Hz, 0 = unvoiced). Writes the
   * `dimension` enabled outputs to `out` from `outOffset`.
   */
  compute(samples: Float32Array, start: number, f0: number, out: Float32Array, outOffset: number) {
    const frameStart = this.frameIndex * this.frameStep;
    this.frameIndex += 1;
    this.append(samples, start, frameStart);
    const pitch = Math.fround(f0);
    const voiced = pitch >= this.params.minF0 && pitch <= 0.5 / this.samplePeriod;
    // openSMILE's toRead0: up to the next frame's start; a voiced frame reads two search periods.
    const stepEnd = this.readStep + this.carried;
    let toRead = stepEnd;
    if (voiced) {
      this.setSearchRange(pitch);
      const { minNumPeriods } = this.params;
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
      this.measurePeriods(toRead, stepEnd);
      this.writeVoiced(out, outOffset);
      return;
    }
    this.lastBoundary += stepEnd;
    this.carried = 0;
    this.previousPeriod = 0;
    this.previousDifference = 0;
    this.lastJitterLocal = 0;
    this.lastJitterDdp = 0;
    this.lastShimmerLocal = 0;
    const { params } = this;
    const values = this.dimension - (params.logHNR ? 1 : 0);
    out.fill(0, outOffset, outOffset + values);
    if (params.logHNR) out[outOffset + values] = LOG_HNR_FLOOR;
  }

  /** The candidate period lengths around the expected one, in samples. */
  private setSearchRange(pitch: number): void {
    const { searchRangeRel } = this.params;
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
  private measurePeriods(toRead: number, stepEnd: number): void {
    const { minCC } = this.params;
    const { shortest, longest, history: x, correlations: cc, hnr } = this;
    const base = this.lastBoundary - this.historyStart;
    const candidates = longest - shortest;
    this.periods = 0;
    this.periodSum = 0;
    this.localPairs = 0;
    this.localSum = 0;
    this.ddpPairs = 0;
    this.ddpSum = 0;
    this.amplitudeSum = 0;
    this.amplitudeDiffSum = 0;
    hnr?.begin(this.expected);
    let boundary = 0;
    let position = 0;
    let step = 0;
    while (position < toRead - 2 * longest - 1) {
      const at = base + position;
      periodCorrelations(x, at, shortest, longest, cc);
      const peak = strongestPeak(cc, candidates);
      if (peak < 0) {
        step = this.expected;
      } else {
        const length = shortest + peak;
        step = length;
        const first = peakToPeak(x, at, length);
        const second = peakToPeak(x, at + length, length);
        hnr?.addPeriod(x, base, position);
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
          this.acceptPeriod(period, first, second);
        }
      }
      position += step;
      if (position < stepEnd - 1) boundary = position;
    }
    this.carried = stepEnd - boundary;
    if (hnr !== undefined) this.logHnr = hnr.finish(x, base, position, step, toRead);
    this.lastBoundary += boundary;
  }

  /** Adds an accepted period (seconds) and its two windows' peak-to-peak amplitudes. */
  private acceptPeriod(period: number, first: number, second: number): void {
    this.periodSum = Math.fround(this.periodSum + period);
    this.periods += 1;
    if (this.previousPeriod > 0) {
      const difference = Math.abs(Math.fround(this.previousPeriod - period));
      this.localSum = Math.fround(this.localSum + difference);
      this.localPairs += 1;
      if (this.previousDifference > 0) {
        const change = Math.abs(Math.fround(this.previousDifference - difference));
        this.ddpSum = Math.fround(this.ddpSum + change);
        this.ddpPairs += 1;
      }
      this.previousDifference = difference;
    }
    this.previousPeriod = period;
    this.amplitudeSum = Math.fround(
      this.amplitudeSum + Math.fround(Math.fround(first + second) / 2),
    );
    this.amplitudeDiffSum = Math.fround(
      this.amplitudeDiffSum + Math.abs(Math.fround(first - second)),
    );
  }

  /**
   * A voiced frame's outputs. Jitter and shimmer without accepted periods repeat the last ones,
   * a frame with periods but no pair of them gives 0 jitter; openSMILE caps the values at 1 in
   * its state, not only in the output.
   */
  private writeVoiced(out: Float32Array, outOffset: number): void {
    const { params, periods } = this;
    const meanPeriod = Math.fround(this.periodSum / periods);
    if (this.localPairs > 0) {
      const meanDifference = Math.fround(this.localSum / this.localPairs);
      this.lastJitterLocal = Math.fround(meanDifference / meanPeriod);
    }
    if (this.ddpPairs > 0) {
      const meanChange = Math.fround(this.ddpSum / this.ddpPairs);
      this.lastJitterDdp = Math.fround(meanChange / meanPeriod);
    }
    if (periods > 0) {
      const { amplitudeSum } = this;
      this.lastShimmerLocal =
        amplitudeSum > 0 ? Math.fround(this.amplitudeDiffSum / amplitudeSum) : 0;
    }
    this.lastJitterLocal = Math.min(this.lastJitterLocal, 1);
    this.lastJitterDdp = Math.min(this.lastJitterDdp, 1);
    this.lastShimmerLocal = Math.min(this.lastShimmerLocal, 1);
    let n = outOffset;
    if (params.jitterLocal) {
      out[n] = periods === 0 || this.localPairs > 0 ? this.lastJitterLocal : 0;
      n += 1;
    }
    if (params.jitterDDP) {
      out[n] = periods === 0 || this.ddpPairs > 0 ? this.lastJitterDdp : 0;
      n += 1;
    }
    if (params.shimmerLocal) {
      out[n] = this.lastShimmerLocal;
      n += 1;
    }
    if (params.shimmerLocalDB) {
      out[n] = amplitudeRatioToDb(this.lastShimmerLocal + 1);
      n += 1;
    }
    if (params.logHNR) out[n] = this.logHnr;
  }
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
