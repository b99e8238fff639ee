// ComParE 2016's 60 ms voice levels, unsmoothed, from a stream of samples: per 60 ms Gaussian
// frame (every 10 ms from sample 0) its F0 and voicing (is13_pitchG60: cPitchShs 52..620 Hz, a
// 30-frame Viterbi smoother, the energy gate is13_volmerge) and cPitchJitter's values for that F0
// (is13_jitterShimmer). A row leaves once the Viterbi smoother has handed its frame out, 29
// frames after the frame's samples are in; its jitter is then computed from the frame's samples,
// kept for that long. At `end` the held frames follow, split as openSMILE sees them: the rows its
// smoother had decided before the end of input reached cPitchJitter before it, the others only
// after (`lateRowsFollow`), which is what the smoothing of the rows reproduces.
import { COMPARE16_PITCH_PARAMS, GemapsPitch } from "./gemaps-pitch.js";
import { PitchFrameStream } from "./pitch-frame-stream.js";
import { COMPARE16_JITTER_PARAMS, PitchJitter } from "./pitch-jitter.js";

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

export class Compare16Pitch extends PitchFrameStream {
  private readonly sink: Compare16PitchSink;
  private readonly jitter: PitchJitter;
  private readonly row = new Float32Array(COMPARE16_PITCH_COLUMNS.length);

  constructor(sampleRate: number, sink: Compare16PitchSink) {
    super(new GemapsPitch(sampleRate, COMPARE16_PITCH_PARAMS));
    this.sink = sink;
    this.jitter = new PitchJitter({ sampleRate, params: COMPARE16_JITTER_PARAMS });
  }

  protected frameDecided(): void {
    const { pitch, row } = this;
    row.set(pitch.output);
    this.jitter.compute(this.frame, 0, pitch.output[0] as number, row, PITCH_LEVEL_COLUMNS);
    this.sink.row(row);
  }

  protected lateRowsFollow(): void {
    this.sink.lateRowsFollow();
  }
}
