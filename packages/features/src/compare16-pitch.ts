// ComParE 2016's 60 ms voice levels, unsmoothed, from a stream of samples: per 60 ms Gaussian
// frame (every 10 ms from sample 0) its F0 and voicing (is13_pitchG60: cPitchShs 52..620 Hz, a
// 30-frame Viterbi smoother, the energy gate is13_volmerge) and cPitchJitter's values for that F0
// (is13_jitterShimmer). A row leaves once the Viterbi smoother has handed its frame out, 29
// frames after the frame's samples are in; its jitter is then computed from the frame's samples,
// kept for that long. At `end` the held frames follow, split as openSMILE sees them: the rows its
// smoother had decided before the end of input reached cPitchJitter before it, the others only
// after (`lateRowsFollow`), which is what the smoothing of the rows reproduces.
import { COMPARE16_PITCH_PARAMS, GemapsPitch } from "./gemaps-pitch.js";
import { COMPARE16_JITTER_PARAMS, PitchJitter } from "./pitch-jitter.js";
import { SampleHistory } from "./sample-history.js";

/** Columns of a row: is13_pitchG60 then is13_jitterShimmer, as openSMILE names them. */
export const COMPARE16_PITCH_COLUMNS = [
  "F0final",
  "voicingFinalUnclipped",
  "jitterLocal",
  "jitterDDP",
  "shimmerLocal",
  "logHNR",
] as const;

/** Columns from the pitch level; the rest come from cPitchJitter. */
const PITCH_LEVEL_COLUMNS = 2;

export interface Compare16PitchSink {
  /** The next 60 ms frame's row (a reused buffer). */
  row(row: Float32Array): void;
  /**
   * Once, at `end`: the rows so far are those openSMILE's cPitchJitter had computed before the
   * input ended (the pitch frames decided by then); the ones that follow it computes only after
   * openSMILE's end-of-input pass, which it sits out, while their pitch values are out earlier.
   */
  lateRowsFollow(): void;
}

export class Compare16Pitch {
  /** Frames a row trails its frame's samples by (the Viterbi smoother's delay, 29). */
  readonly delay: number;
  /** Samples between frame starts. */
  readonly frameStep: number;
  /** Samples per frame. */
  readonly frameSize: number;
  private readonly sink: Compare16PitchSink;
  private readonly history: SampleHistory;
  private readonly pitch: GemapsPitch;
  private readonly jitter: PitchJitter;
  private readonly frame: Float32Array;
  private readonly row = new Float32Array(COMPARE16_PITCH_COLUMNS.length);
  private framesPushed = 0;
  private framesDone = 0;

  constructor(sampleRate: number, sink: Compare16PitchSink) {
    this.sink = sink;
    this.pitch = new GemapsPitch(sampleRate, COMPARE16_PITCH_PARAMS);
    this.jitter = new PitchJitter({ sampleRate, params: COMPARE16_JITTER_PARAMS });
    this.frameSize = this.pitch.geometry.frameSize;
    this.frameStep = this.pitch.geometry.frameStep;
    this.delay = this.pitch.delay;
    this.frame = new Float32Array(this.frameSize);
    // The oldest frame still undecided starts `delay` steps before the newest pushed one, which
    // ends a frame after its start; one step more for the samples being appended.
    this.history = new SampleHistory((this.delay + 2) * this.frameStep + this.frameSize);
  }

  /** Mono samples in [-1, 1]; rows go to the sink as their frames are decided. */
  push(chunk: Float32Array): void {
    // A step at a time, so the history never drops samples a pending frame still needs.
    for (let from = 0; from < chunk.length; from += this.frameStep) {
      this.history.append(chunk, from, Math.min(chunk.length, from + this.frameStep));
      while (this.framesPushed * this.frameStep + this.frameSize <= this.history.end) {
        this.history.copy(this.framesPushed * this.frameStep, this.frame);
        this.pitch.pushFrame(this.frame, 0);
        this.framesPushed += 1;
        this.emitRows();
      }
    }
  }

  /** No more samples: the rows of the frames the pitch smoother held, then the late ones. */
  end(): void {
    const decidedBeforeEnd = this.pitch.decidedFrames;
    this.pitch.end();
    this.emitRows(decidedBeforeEnd);
    this.sink.lateRowsFollow();
    this.emitRows();
  }

  /** Emits the rows the pitch has handed out, up to frame `until` (exclusive). */
  private emitRows(until = Number.POSITIVE_INFINITY): void {
    const { pitch, row, frame } = this;
    while (this.framesDone < until && pitch.hasOutput()) {
      pitch.takeOutput();
      row.set(pitch.output);
      this.history.copy(this.framesDone * this.frameStep, frame);
      this.jitter.compute(frame, 0, pitch.output[0] as number, row, PITCH_LEVEL_COLUMNS);
      this.framesDone += 1;
      this.sink.row(row);
    }
  }
}
