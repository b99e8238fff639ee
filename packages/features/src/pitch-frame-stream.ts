// The 60 ms Gaussian frames a pitch tracker reads from a stream of samples (every 10 ms from sample
// 0) and the moment its Viterbi smoother decides each, `pitchDelay` frames later: a frame's
// samples stay in a history until then, for the components that read the decided frame (jitter,
// shimmer, harmonics). At the end of input the frames openSMILE had decided before it come first,
// then `lateRowsFollow`, then the others, which its cPitchJitter computes only after its
// end-of-input pass. ComParE's voice level and eGeMAPS's levels are built on it.
import type { GemapsPitch } from "./gemaps-pitch.js";
import { SampleHistory } from "./sample-history.js";

export abstract class PitchFrameStream {
  /** Frames a decided frame trails its frame's samples by (the pitch smoother's delay). */
  readonly pitchDelay: number;
  /** Samples between frame starts. */
  readonly frameStep: number;
  protected readonly pitch: GemapsPitch;
  protected readonly history: SampleHistory;
  /** The samples of the frame last pushed to the pitch, then of the frame last decided. */
  protected readonly frame: Float32Array;

  constructor(pitch: GemapsPitch) {
    this.pitch = pitch;
    const { frameSize, frameStep } = pitch.geometry;
    this.frameStep = frameStep;
    this.pitchDelay = pitch.delay;
    this.frame = new Float32Array(frameSize);
    // The oldest frame still undecided starts pitchDelay steps before the newest pushed one,
    // which ends a frame after its start; one step more for the samples being appended.
    this.history = new SampleHistory((this.pitchDelay + 2) * frameStep + frameSize);
  }

  /** Mono samples in [-1, 1]; rows go out as their frames complete or are decided. */
  push(chunk: Float32Array): void {
    // A step at a time, so the history never drops samples a pending frame still needs.
    for (let from = 0; from < chunk.length; from += this.frameStep) {
      this.history.append(chunk, from, Math.min(chunk.length, from + this.frameStep));
      this.shorterFramesComplete();
      this.pushCompleteFrames();
    }
  }

  /** No more samples: the frames the pitch smoother held are decided, the late ones last. */
  end(): void {
    const decidedBeforeEnd = this.pitch.decidedFrames;
    this.pitch.end();
    this.emitDecidedFrames(decidedBeforeEnd);
    this.lateRowsFollow();
    this.emitDecidedFrames();
  }

  /** Frames of other sizes the history now holds whole (called before the pitch's frames). */
  protected shorterFramesComplete(): void {}

  /** Frame `frame` went to the pitch tracker (its spectrum is the tracker's `magnitudes`). */
  protected framePushed(_frame: number): void {}

  /** Frame `frame` is decided: the pitch's `output` holds its values, `this.frame` its samples. */
  protected abstract frameDecided(frame: number): void;

  /** Once, at `end`: the frames decided from here on are those openSMILE computes late. */
  protected abstract lateRowsFollow(): void;

  private pushCompleteFrames(): void {
    const { history, frameStep, frame, pitch } = this;
    while (pitch.framesPushed * frameStep + frame.length <= history.end) {
      const pushed = pitch.framesPushed;
      history.copy(pushed * frameStep, frame);
      pitch.pushFrame(frame, 0);
      this.framePushed(pushed);
      this.emitDecidedFrames();
    }
  }

  /** Hands out the frames the pitch has decided, up to frame `until` (exclusive). */
  private emitDecidedFrames(until = Number.POSITIVE_INFINITY): void {
    const { pitch } = this;
    while (pitch.framesTaken < until && pitch.hasOutput()) {
      const decided = pitch.framesTaken;
      pitch.takeOutput();
      this.history.copy(decided * this.frameStep, this.frame);
      this.frameDecided(decided);
    }
  }
}
