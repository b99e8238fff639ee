// Voicing probability and F0 from a frame's autocorrelation and cepstrum, as openSMILE's cPitchACF
// computes them (voiceProb=1, F0=1). Stateful: its F0 output passes through a small contour
// smoother that remembers the previous frames, so one instance serves one stream, frame by frame.

export type PitchAcfOptions = {
  /** Hz; the highest detectable F0 (cPitchACF maxPitch), which sets the first lag searched. */
  maxPitch: number;
  /** Frames with voicing probability below this are unvoiced (F0 = 0). */
  voicingCutoff: number;
  /** The framer's configured frame length in seconds (0.025 for IS09), not samples / rate. */
  frameSizeSeconds: number;
  /** Samples per frame as the framer rounded them. */
  frameSize: number;
  /** The zero-padded FFT length; acf and cepstrum each hold fftSize / 2 values. */
  fftSize: number;
};

/** Values cPitchACF reports per frame, float32 like openSMILE's data memory. */
export type PitchAcfResult = { voiceProb: number; f0: number };

const TOLERANCE = Math.fround(0.4);
const ALPHA = Math.fround(0.3);
const ONSET_DECAY = Math.fround(0.85);

export class PitchAcf {
  readonly #voicingCutoff: number;
  readonly #samplePeriod: number;
  readonly #firstLag: number;
  #lastPitch = 0;
  #lastLastPitch = 0;
  #meanPitch = 0;
  #onset = 0;

  constructor(options: PitchAcfOptions) {
    this.#voicingCutoff = Math.min(1, Math.max(0, options.voicingCutoff));
    // cTransformFFT scales the level's frame length by fftSize / frameSize, cPitchACF stores it in
    // a float and divides by fftSize: the sample period it uses is (float)(frameSizeSeconds *
    // fftSize / frameSize) / fftSize. When frameSize was rounded (44.1 kHz: 1102.5 -> 1103
    // samples) this is not 1 / rate, and openSMILE's F0 carries that small scale error; so do we.
    const frameSeconds = Math.fround(
      options.frameSizeSeconds * (options.fftSize / options.frameSize),
    );
    this.#samplePeriod = frameSeconds / options.fftSize;
    const maxPitch = Math.max(0, options.maxPitch);
    this.#firstLag = maxPitch > 0 ? Math.trunc(1 / (maxPitch * this.#samplePeriod)) : 0;
  }

  /** Forgets the contour state, for a new stream. */
  reset(): void {
    this.#lastPitch = 0;
    this.#lastLastPitch = 0;
    this.#meanPitch = 0;
    this.#onset = 0;
  }

  /** Writes voicing probability and F0 (0 when unvoiced) of the next frame into `result`. */
  process(acf: Float32Array, cepstrum: Float32Array, result: PitchAcfResult): void {
    const voicing = voicingProbability(acf, this.#firstLag);
    const peakLag = cepstralPeak(cepstrum, this.#firstLag + 1);
    let pitch = 0;
    if (peakLag > 0 && voicing >= this.#voicingCutoff) {
      pitch = Math.fround(1 / Math.fround(peakLag * Math.fround(this.#samplePeriod)));
    }
    result.voiceProb = Math.fround(voicing);
    result.f0 = this.#smoothContour(pitch);
  }

  /**
   * cPitchACF's "very simple pitch contour smoothing", in float32 like the original: pitches far
   * from a running mean are replaced by it, and the output is the mean of the two previous frames'
   * pitches, so F0 lags the voicing decision by one frame.
   */
  #smoothContour(framePitch: number): number {
    let pitch = framePitch;
    const last = this.#lastPitch;
    if (last === 0 && pitch > 0) this.#onset = 1;
    if (last > 0 && pitch === 0 && this.#onset === 0) this.#onset = -1;
    if (last > 0 && pitch > 0) this.#onset = 0;
    if (last === 0 && pitch === 0) this.#onset = 0;
    if (pitch === 0 && this.#onset === 1) this.#lastPitch = 0;

    const observed = pitch;
    let alpha = ALPHA;
    if (pitch > 0) {
      if (this.#meanPitch === 0) this.#meanPitch = pitch;
      const upper = Math.fround(Math.fround(1 + TOLERANCE) * this.#meanPitch);
      const lower = Math.fround(Math.fround(1 - TOLERANCE) * this.#meanPitch);
      if (!(pitch < upper && pitch > lower)) {
        pitch = this.#meanPitch;
        alpha = Math.fround(alpha / 3);
      }
      if (this.#onset !== 0 && this.#lastPitch > pitch) {
        this.#lastPitch = Math.fround(this.#lastPitch * ONSET_DECAY);
      }
    }
    if (pitch > 0 && this.#onset === -1) this.#lastPitch = pitch;
    if (observed > 0) {
      this.#meanPitch = Math.fround(
        Math.fround(Math.fround(1 - alpha) * this.#meanPitch) + Math.fround(alpha * observed),
      );
    }

    const out =
      this.#lastLastPitch !== 0 && this.#lastPitch !== 0
        ? Math.fround(0.5 * Math.fround(this.#lastLastPitch + this.#lastPitch))
        : this.#lastPitch;
    this.#lastLastPitch = this.#lastPitch;
    this.#lastPitch = pitch;
    return out;
  }
}

/**
 * Highest local ACF peak at lags >= firstLag (seeded with the last lag) relative to lag 0, as
 * cPitchACF's voicingProb: a peak counts only when it rises from its left neighbour.
 */
function voicingProbability(acf: Float32Array, firstLag: number): number {
  const energy = acf[0] as number;
  if (!(energy > 0)) return 0;
  let peak = acf[acf.length - 1] as number;
  for (let i = Math.max(1, firstLag); i < acf.length; i++) {
    const value = acf[i] as number;
    if (value > peak && (acf[i - 1] as number) < value) peak = value;
  }
  return peak / energy;
}

/**
 * The first cepstral peak above 0.6 (max + mean |c|), searched from firstLag + 1, as cPitchACF's
 * pitchPeak; the max is taken over lags >= firstLag (seeded with the last coefficient). Returns the
 * lag, or 0 when there is none.
 */
function cepstralPeak(cepstrum: Float32Array, firstLag: number): number {
  const n = cepstrum.length;
  let max = cepstrum[n - 1] as number;
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    const value = cepstrum[i] as number;
    sum += Math.abs(value);
    if (i >= firstLag && value > max) max = value;
  }
  const threshold = (max + sum / n) * 0.6;
  for (let i = firstLag + 1; i < n - 1; i++) {
    const value = cepstrum[i] as number;
    if (
      value > threshold &&
      (cepstrum[i - 1] as number) < value &&
      value > (cepstrum[i + 1] as number)
    ) {
      return i;
    }
  }
  return 0;
}
