// ComParE 2016's unsmoothed levels as openSMILE's data memory holds them, from a stream of
// samples: every 10 ms from sample 0, the 20 ms Hamming frame's spectral row (Compare16SpectralLlds:
// auditory spectra, RMS energy, cSpectral, MFCC), the 60 ms raw frame's zero-crossing rate, and the
// 60 ms Gaussian frame's voice row (Compare16Pitch: F0, voicing, jitter, shimmer, HNR), the last
// only once the Viterbi pitch smoother has decided its frame (29 frames later).
import { Compare16Pitch } from "../compare16-pitch.js";
import { COMPARE16_SPECTRAL_LLD_NAMES, Compare16SpectralLlds } from "../compare16-spectral-llds.js";
import { Compare16Zcr } from "../compare16-zcr.js";
import { SampleHistory } from "../sample-history.js";

export interface Compare16LevelSink {
  /** The next 20 ms frame's spectral row (COMPARE16_SPECTRAL_LLD_NAMES; a reused buffer). */
  spectralRow(row: Float32Array): void;
  /** The next 60 ms frame's zero-crossing rate. */
  zcrRow(row: Float32Array): void;
  /** The next 60 ms frame's voice row (COMPARE16_PITCH_COLUMNS; a reused buffer). */
  voiceRow(row: Float32Array): void;
  /** Once, at `end`: the voice rows from here on are those openSMILE computes late. */
  lateRowsFollow(): void;
}

export class Compare16Levels {
  /** Frames a voice row trails its frame's samples by (the pitch smoother's delay). */
  readonly pitchDelay: number;
  /** Steps a 60 ms frame's end lies beyond the end of the 20 ms frame of the same start. */
  readonly longFrameLead: number;
  private readonly frameStep: number;
  private readonly sink: Compare16LevelSink;
  private readonly history: SampleHistory;
  private readonly spectral: Compare16SpectralLlds;
  private readonly zcr: Compare16Zcr;
  private readonly pitch: Compare16Pitch;
  private readonly spectralRow = new Float32Array(COMPARE16_SPECTRAL_LLD_NAMES.length);
  private readonly zcrRow = new Float32Array(1);
  private readonly shortFrame: Float32Array;
  private readonly longFrame: Float32Array;
  private shortFramesDone = 0;
  private longFramesDone = 0;

  constructor(sampleRate: number, sink: Compare16LevelSink) {
    this.sink = sink;
    this.spectral = new Compare16SpectralLlds(sampleRate);
    this.zcr = new Compare16Zcr(sampleRate);
    this.pitch = new Compare16Pitch(sampleRate, {
      row: (row) => sink.voiceRow(row),
      lateRowsFollow: () => sink.lateRowsFollow(),
    });
    this.frameStep = this.pitch.frameStep;
    this.pitchDelay = this.pitch.pitchDelay;
    this.longFrameLead = Math.ceil((this.zcr.frameSize - this.spectral.frameSize) / this.frameStep);
    this.shortFrame = new Float32Array(this.spectral.frameSize);
    this.longFrame = new Float32Array(this.zcr.frameSize);
    this.history = new SampleHistory(this.zcr.frameSize + this.frameStep);
  }

  /** Mono samples in [-1, 1]; rows go to the sink as their frames complete. */
  push(chunk: Float32Array): void {
    this.pitch.push(chunk);
    // A step at a time, so the history never drops samples a pending frame still needs.
    for (let from = 0; from < chunk.length; from += this.frameStep) {
      this.history.append(chunk, from, Math.min(chunk.length, from + this.frameStep));
      this.processCompleteFrames();
    }
  }

  /** No more samples: the voice rows the pitch smoother held. */
  end(): void {
    this.pitch.end();
  }

  private processCompleteFrames(): void {
    const { history, frameStep, spectral, zcr, shortFrame, longFrame } = this;
    while (this.shortFramesDone * frameStep + shortFrame.length <= history.end) {
      history.copy(this.shortFramesDone * frameStep, shortFrame);
      spectral.process(shortFrame, 0, this.spectralRow, 0);
      this.shortFramesDone += 1;
      this.sink.spectralRow(this.spectralRow);
    }
    while (this.longFramesDone * frameStep + longFrame.length <= history.end) {
      history.copy(this.longFramesDone * frameStep, longFrame);
      zcr.process(longFrame, 0, this.zcrRow, 0);
      this.longFramesDone += 1;
      this.sink.zcrRow(this.zcrRow);
    }
  }
}
