// cPitchJitter's logHNR: the harmonics-to-noise ratio of one F0 frame from the pitch periods its
// period search walked, in dB (20 log10, despite the name). The harmonic part is the RMS of the
// periods' average waveform (expected period length T0, its first 3 and last 2 samples left out),
// the noise the RMS of each period's difference from that average. openSMILE's quirks kept: every
// period whose correlation has a peak is averaged in, including those below minCC; the walk's end
// point counts as one more period (only its samples inside the read span are added, and only
// those are divided by the count); a frame with no noise sample gives 0, a zero harmonic part
// the floor of -100. float32 sums, as pitchJitter.cpp's FLOAT_DMEM.

/** cPitchJitter's lgHNRfloor default: the value of unvoiced frames and the lowest output. */
export const LOG_HNR_FLOOR = -100;

export class WaveformHnr {
  /** The summed, then averaged, period waveform (T0 samples used). */
  private readonly average: Float32Array;
  /** Where each averaged period starts, relative to the read start, then where the last ends. */
  private readonly starts: Int32Array;
  private periodLength = 0;
  private periods = 0;

  /** For periods up to `longestPeriod` samples and up to `maxPeriods` periods per frame. */
  constructor(longestPeriod: number, maxPeriods: number) {
    this.average = new Float32Array(longestPeriod + 1);
    this.starts = new Int32Array(maxPeriods + 2);
  }

  /** A new frame whose expected period is `periodLength` samples (openSMILE's T0f). */
  begin(periodLength: number): void {
    this.periodLength = periodLength;
    this.periods = 0;
    this.average.fill(0, 0, periodLength);
  }

  /** The period found at `x[base + start]` (its correlation had a peak). */
  addPeriod(x: Float32Array, base: number, start: number): void {
    const { average, periodLength } = this;
    this.starts[this.periods] = start;
    this.periods += 1;
    for (let i = 0; i < periodLength; i += 1) {
      average[i] = Math.fround((average[i] as number) + (x[base + start + i] as number));
    }
  }

  /**
   * The frame's HNR in dB. `end` is where the walk stopped, `lastStep` the length of its last
   * step (0 if it took none), `readLength` the samples read from `x[base]`.
   */
  finish(x: Float32Array, base: number, end: number, lastStep: number, readLength: number): number {
    const { average, starts, periodLength } = this;
    starts[this.periods] = end;
    this.periods += 1;
    const count = this.periods;
    let harmonic = 0;
    for (let i = 0; i < periodLength && end + i < readLength; i += 1) {
      const sum = Math.fround((average[i] as number) + (x[base + end + i] as number));
      const value = Math.fround(sum / count);
      average[i] = value;
      if (i > 2 && i < periodLength - 2)
        harmonic = Math.fround(harmonic + Math.fround(value * value));
    }
    if (periodLength - 4 > 0) harmonic = Math.fround(harmonic / (periodLength - 4));
    harmonic = Math.fround(Math.sqrt(harmonic));
    // The end of the last period: openSMILE's calloc'd buffer keeps 0 when no step was taken.
    starts[count] = lastStep > 0 ? end + lastStep : 0;
    let noise = 0;
    let noiseSamples = 0;
    for (let p = 0; p < count; p += 1) {
      const first = starts[p] as number;
      const stop = Math.min(starts[p + 1] as number, first + periodLength) - 2;
      for (let j = first + 2, n = 2; j < stop; j += 1, n += 1) {
        const delta = Math.fround((x[base + j] as number) - (average[n] as number));
        noise = Math.fround(noise + Math.fround(delta * delta));
        noiseSamples += 1;
      }
    }
    if (noiseSamples > 0) noise = Math.fround(noise / noiseSamples);
    noise = Math.fround(Math.sqrt(noise));
    if (!(noise > 0)) return 0;
    const ratio = Math.fround(harmonic / noise);
    if (!(ratio > 0)) return LOG_HNR_FLOOR;
    const db = Math.fround((20 * Math.log(ratio)) / Math.log(10));
    return Math.max(db, LOG_HNR_FLOOR);
  }
}
