// eGeMAPS v02's unsmoothed levels as openSMILE's data memory holds them, from a stream of
// samples: the 20 ms Hamming level (one "E" row per 20 ms frame: the spectral LLDs and the frame
// energy) and the 60 ms Gaussian level (one "F" row per 60 ms frame: F0 and what depends on it).
// Both frame every 10 ms from sample 0. An F row leaves only when the Viterbi pitch smoother has
// decided its frame (39 frames later); its jitter, shimmer and harmonics are then computed from
// the frame's samples and Gaussian spectrum (the pitch tracker's), kept for that long, and from
// the frame's formants (20 ms level).
import { frameGeometry } from "../framing.js";
import { GEMAPS_FORMANT_PARAMS, GemapsFormants } from "../gemaps-formants.js";
import { GemapsPitch } from "../gemaps-pitch.js";
import { GEMAPS_SPECTRAL_LLD_NAMES, GemapsSpectralLlds } from "../gemaps-spectral-llds.js";
import { Harmonics } from "../harmonics.js";
import { PitchFrameStream } from "../pitch-frame-stream.js";
import { PITCH_JITTER_DIMENSION, PitchJitter } from "../pitch-jitter.js";

/** E row: the spectral LLDs of gemaps-spectral-llds.ts, energy (pcm_SQUAREDenergy) last. */
export const EGEMAPS_E_COLUMNS = GEMAPS_SPECTRAL_LLD_NAMES;

/** F row: F0 in Hz (0 = unvoiced), then the F columns of the LLD file, unsmoothed. */
export const EGEMAPS_F_COLUMNS = [
  "F0final",
  "F0semitoneFrom27.5Hz",
  "jitterLocal",
  "shimmerLocaldB",
  "HNRdBACF",
  "logRelF0-H1-H2",
  "logRelF0-H1-A3",
  "F1frequency",
  "F1bandwidth",
  "F1amplitudeLogRelF0",
  "F2frequency",
  "F2bandwidth",
  "F2amplitudeLogRelF0",
  "F3frequency",
  "F3bandwidth",
  "F3amplitudeLogRelF0",
] as const;

const FORMANTS_KEPT = 3;
/** Formant rows kept beyond the pitch delay: the 20 ms level runs 4 frames ahead of the 60 ms. */
const FORMANT_SLACK = 8;

export interface EgemapsLevelSink {
  /** The E row of the next 20 ms frame (a reused buffer). */
  eRow(row: Float32Array): void;
  /** The F row of the next 60 ms frame (a reused buffer). */
  fRow(row: Float32Array): void;
  /**
   * Once, at `end`: the F rows so far are those openSMILE had written before the input ended
   * (the pitch frames decided by then); the ones that follow it decides only in its end-of-input
   * pass, which cPitchJitter sits out, so they reach the levels reading it late.
   */
  lateRowsFollow(): void;
}

export class EgemapsLevels extends PitchFrameStream {
  /** Steps a 60 ms frame's end lies beyond the end of the 20 ms frame of the same start. */
  readonly longFrameLead: number;
  private readonly sink: EgemapsLevelSink;
  private readonly spectral: GemapsSpectralLlds;
  readonly formants: GemapsFormants;
  private readonly jitter: PitchJitter;
  /** The Gaussian spectra of the frames pushed to the pitch but not yet decided, by frame modulo. */
  private readonly gaussSpectra: Float32Array;
  private readonly gaussSpectrumFrames: number;
  private readonly harmonics: Harmonics;
  private readonly shortFrame: Float32Array;
  private readonly eRow = new Float32Array(EGEMAPS_E_COLUMNS.length);
  private readonly fRow = new Float32Array(EGEMAPS_F_COLUMNS.length);
  private readonly jitterRow = new Float32Array(PITCH_JITTER_DIMENSION);
  /** Formant frequencies then bandwidths (5 + 5) of recent 20 ms frames, by frame modulo. */
  private readonly formantRows: Float32Array;
  private readonly formantRowCount: number;
  private shortFramesDone = 0;

  constructor(sampleRate: number, sink: EgemapsLevelSink) {
    super(new GemapsPitch(sampleRate));
    this.sink = sink;
    this.spectral = new GemapsSpectralLlds(sampleRate);
    this.formants = new GemapsFormants(this.spectral.frameSize, sampleRate);
    this.jitter = new PitchJitter({ sampleRate });
    const long = this.pitch.geometry;
    // The pitch tracker's spectra serve the harmonics: no second FFT of the frame.
    this.gaussSpectrumFrames = this.pitchDelay + 2;
    this.gaussSpectra = new Float32Array(this.gaussSpectrumFrames * this.pitch.magnitudes.length);
    this.harmonics = new Harmonics(long.frameSize);
    this.shortFrame = new Float32Array(this.spectral.frameSize);
    this.longFrameLead = Math.ceil((long.frameSize - this.spectral.frameSize) / this.frameStep);
    this.formantRowCount = this.pitchDelay + FORMANT_SLACK;
    this.formantRows = new Float32Array(this.formantRowCount * 2 * GEMAPS_FORMANT_PARAMS.formants);
    const shortStep = frameGeometry(sampleRate, GEMAPS_FORMANT_PARAMS.frameSizeSeconds, 0.01);
    if (shortStep.frameStep !== this.frameStep) {
      throw new RangeError("the 20 ms and 60 ms levels must share their frame step");
    }
  }

  /** The 20 ms frames: an E row each, and their formants, kept for the F rows. */
  protected override shorterFramesComplete(): void {
    const { history, frameStep } = this;
    while (this.shortFramesDone * frameStep + this.shortFrame.length <= history.end) {
      history.copy(this.shortFramesDone * frameStep, this.shortFrame);
      this.spectral.process(this.shortFrame, 0, this.eRow, 0);
      this.formants.compute(this.shortFrame, 0);
      const slot =
        (this.shortFramesDone % this.formantRowCount) * 2 * GEMAPS_FORMANT_PARAMS.formants;
      this.formantRows.set(this.formants.frequencies, slot);
      this.formantRows.set(this.formants.bandwidths, slot + GEMAPS_FORMANT_PARAMS.formants);
      this.shortFramesDone += 1;
      this.sink.eRow(this.eRow);
    }
  }

  protected override framePushed(frame: number): void {
    const bins = this.pitch.magnitudes.length;
    this.gaussSpectra.set(this.pitch.magnitudes, (frame % this.gaussSpectrumFrames) * bins);
  }

  /** The F row of a decided 60 ms frame. */
  protected frameDecided(frame: number): void {
    const { pitch, fRow } = this;
    const f0 = pitch.output[0] as number;
    this.jitter.compute(this.frame, 0, f0, this.jitterRow, 0);
    const formantCount = GEMAPS_FORMANT_PARAMS.formants;
    const slot = (frame % this.formantRowCount) * 2 * formantCount;
    const frequencies = this.formantRows.subarray(slot, slot + formantCount);
    const bins = pitch.magnitudes.length;
    const spectrumSlot = (frame % this.gaussSpectrumFrames) * bins;
    const spectrum = this.gaussSpectra.subarray(spectrumSlot, spectrumSlot + bins);
    this.harmonics.compute(f0, spectrum, frequencies);
    // Harmonics values: HNR, H1-H2, H1-A3, then the formant amplitudes.
    const harmonics = this.harmonics.values;
    fRow[0] = f0;
    fRow[1] = pitch.output[1] as number;
    fRow[2] = this.jitterRow[0] as number;
    fRow[3] = this.jitterRow[1] as number;
    fRow[4] = harmonics[0] as number;
    fRow[5] = harmonics[1] as number;
    fRow[6] = harmonics[2] as number;
    for (let f = 0; f < FORMANTS_KEPT; f += 1) {
      fRow[7 + 3 * f] = frequencies[f] as number;
      fRow[8 + 3 * f] = this.formantRows[slot + formantCount + f] as number;
      fRow[9 + 3 * f] = harmonics[3 + f] as number;
    }
    this.sink.fRow(fRow);
  }

  protected lateRowsFollow(): void {
    this.sink.lateRowsFollow();
  }
}
