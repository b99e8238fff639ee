// The F0 of openSMILE's GeMAPS v01b / eGeMAPS v02 (level gemapsv01b_logPitch) and of ComParE 2016
// (is13_pitchG60), the same chain with other parameters, at one sample rate, bit for bit: 60 ms
// frames every 10 ms, Gaussian window (sigma 0.4), FFT magnitudes (cTransformFFT's float32 Ooura
// FFT of the frame centred in its zero padding, cFFTmagphase), octave spectrum (cSpecScale),
// subharmonic summation (cPitchShs), Viterbi smoothing (cPitchSmootherViterbi) and the energy gate
// (cValbasedSelector: all values 0 where the windowed frame's RMS is not above 0.001). Frames go
// in one by one; frame n's row comes out once frame n + bufferLength - 1 is in (GeMAPS 39,
// ComParE 29), the last rows at `end` (see PitchViterbiSmoother).
import { rmsEnergy } from "./energy.js";
import { type FrameGeometry, frameGeometry, wholeFrameCount } from "./framing.js";
import { nextPowerOfTwo } from "./magnitude-spectrum.js";
import { OctaveSpectrum } from "./octave-spectrum.js";
import { OouraRealFft } from "./ooura-real-fft.js";
import {
  COMPARE16_PITCH_SHS_OPTIONS,
  GEMAPS_PITCH_SHS_OPTIONS,
  PitchShs,
  type PitchShsOptions,
} from "./pitch-shs.js";
import { PitchViterbiSmoother } from "./pitch-viterbi-smoother.js";
import { gaussWindow } from "./window-function.js";

export interface GemapsPitchParams {
  readonly frameSizeSeconds: number;
  readonly frameStepSeconds: number;
  readonly gaussSigma: number;
  readonly energyThreshold: number;
  /** cPitchSmootherViterbi's trellis length, frames. */
  readonly bufferLength: number;
  readonly shs: Required<PitchShsOptions>;
  /** Whether rows have F0finalLog between F0final and the voicing. */
  readonly f0FinalLog: boolean;
}

export const GEMAPS_PITCH_PARAMS = {
  frameSizeSeconds: 0.06,
  frameStepSeconds: 0.01,
  gaussSigma: 0.4,
  energyThreshold: 0.001,
  bufferLength: 40,
  shs: GEMAPS_PITCH_SHS_OPTIONS,
  f0FinalLog: true,
} as const satisfies GemapsPitchParams;

/** ComParE 2016 (is13_pitchG60): pitch 52..620 Hz, a 30-frame trellis, no F0finalLog. */
export const COMPARE16_PITCH_PARAMS = {
  ...GEMAPS_PITCH_PARAMS,
  bufferLength: 30,
  shs: COMPARE16_PITCH_SHS_OPTIONS,
  f0FinalLog: false,
} as const satisfies GemapsPitchParams;

/** Columns of a GemapsPitch output row with GEMAPS_PITCH_PARAMS. */
export const GEMAPS_PITCH_COLUMNS = ["F0final", "F0finalLog", "voicingFinalUnclipped"] as const;

export class GemapsPitch {
  readonly geometry: FrameGeometry;
  /** Frames between a frame's input and its output (bufferLength - 1). */
  readonly delay: number;
  /**
   * F0final (Hz), F0finalLog (semitones from 27.5 Hz, if the params ask for it) and voicing of
   * the frame last taken.
   */
  readonly output: Float32Array;
  private readonly window: Float32Array;
  private readonly windowed: Float32Array;
  private readonly fft: OouraRealFft;
  /** Zeros before the frame in the FFT input (cTransformFFT zeroPadSymmetric = 1). */
  private readonly padding: number;
  /** FFT magnitudes of the Gaussian frame last pushed (its fftmagG60 level, openSMILE's bits). */
  readonly magnitudes: Float32Array;
  private readonly octave: OctaveSpectrum;
  private readonly shs: PitchShs;
  private readonly smoother: PitchViterbiSmoother;
  /** RMS energies of the frames still in the smoother, by frame index modulo its length. */
  private readonly energies: Float32Array;
  private readonly threshold: number;
  private pushed = 0;
  private taken = 0;

  constructor(sampleRate: number, params: GemapsPitchParams = GEMAPS_PITCH_PARAMS) {
    this.geometry = frameGeometry(sampleRate, params.frameSizeSeconds, params.frameStepSeconds);
    const { frameSize } = this.geometry;
    this.window = gaussWindow(frameSize, params.gaussSigma);
    this.windowed = new Float32Array(frameSize);
    const fftSize = nextPowerOfTwo(frameSize);
    this.fft = new OouraRealFft(fftSize);
    this.padding = Math.trunc((fftSize - frameSize) / 2);
    this.magnitudes = new Float32Array(fftSize / 2 + 1);
    // cTransformFFT scales the framer's frameSize (as configured) by the padding.
    this.octave = new OctaveSpectrum({
      bins: fftSize / 2 + 1,
      fftFrameSeconds: params.frameSizeSeconds * (fftSize / frameSize),
    });
    this.shs = new PitchShs(this.octave, params.shs);
    this.smoother = new PitchViterbiSmoother({
      candidates: this.shs.candidates,
      voicingThreshold: this.shs.voicingCutoff,
      bufferLength: params.bufferLength,
      f0FinalLog: params.f0FinalLog,
    });
    this.delay = this.smoother.delay;
    this.energies = new Float32Array(params.bufferLength);
    this.threshold = Math.fround(params.energyThreshold);
    this.output = this.smoother.output;
  }

  /** Analyses the frame of `geometry.frameSize` samples from `start` (mono, in [-1, 1]). */
  pushFrame(samples: Float32Array, start: number): void {
    const { window, windowed, magnitudes, padding } = this;
    const { data, size } = this.fft;
    for (let t = 0; t < window.length; t += 1) {
      windowed[t] = Math.fround((samples[start + t] as number) * (window[t] as number));
    }
    const energy = rmsEnergy(windowed);
    // The transform is in place: the padding is laid anew for every frame.
    data.fill(0, 0, padding);
    data.set(windowed, padding);
    data.fill(0, padding + windowed.length);
    this.fft.transform();
    // cFFTmagphase squares and adds the float32 spectrum in float32.
    magnitudes[0] = Math.abs(data[0] as number);
    for (let k = 1; k < size / 2; k += 1) {
      const re = data[2 * k] as number;
      const im = data[2 * k + 1] as number;
      magnitudes[k] = Math.sqrt(Math.fround(Math.fround(re * re) + Math.fround(im * im)));
    }
    magnitudes[size / 2] = Math.abs(data[1] as number);
    this.octave.compute(magnitudes);
    this.shs.compute(this.octave.output);
    this.smoother.push(this.shs.f0, this.shs.voicing);
    // After the smoother accepted the frame: its slot is free (the smoother checks that).
    this.energies[this.pushed % this.energies.length] = energy;
    this.pushed += 1;
  }

  /** Frames pushed so far (the next frame's index). */
  get framesPushed(): number {
    return this.pushed;
  }

  /** Frames whose rows were taken so far (the index of the next row out). */
  get framesTaken(): number {
    return this.taken;
  }

  /** Frames openSMILE has decided and written so far (see PitchViterbiSmoother.decidedFrames). */
  get decidedFrames(): number {
    return this.smoother.decidedFrames;
  }

  /** No more frames: the held ones become available. */
  end(): void {
    this.smoother.end();
  }

  hasOutput(): boolean {
    return this.smoother.hasOutput();
  }

  /** Writes the next frame's row into `output`. */
  takeOutput(): void {
    this.smoother.takeOutput();
    const energy = this.energies[this.taken % this.energies.length] as number;
    if (!(energy > this.threshold)) this.output.fill(0);
    this.taken += 1;
  }

  /** Forgets all frames, as a new instance. */
  reset(): void {
    this.smoother.reset();
    this.pushed = 0;
    this.taken = 0;
  }
}

/** Batch: one output row per whole 60 ms frame of `samples`, frame-major. */
export function gemapsPitchContour(
  samples: Float32Array,
  sampleRate: number,
  params: GemapsPitchParams = GEMAPS_PITCH_PARAMS,
): Float32Array {
  const pitch = new GemapsPitch(sampleRate, params);
  const { frameStep } = pitch.geometry;
  const width = pitch.output.length;
  const frames = wholeFrameCount(samples.length, pitch.geometry);
  const rows = new Float32Array(frames * width);
  let row = 0;
  const drain = () => {
    while (pitch.hasOutput()) {
      pitch.takeOutput();
      rows.set(pitch.output, row * width);
      row += 1;
    }
  };
  for (let frame = 0; frame < frames; frame += 1) {
    pitch.pushFrame(samples, frame * frameStep);
    drain();
  }
  pitch.end();
  drain();
  return rows;
}
