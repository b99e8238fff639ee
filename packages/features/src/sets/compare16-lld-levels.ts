// ComParE 2016's three smoothed LLD levels with their deltas, from a stream of samples, as
// openSMILE's is13_smoNz/is13_deNz (voice: F0, voicing, jitter, shimmer, HNR; Compare16VoiceContours),
// is13_smoA/is13_deA (auditory spectrum sums, RMS energy, ZCR) and is13_smoB/is13_deB (RASTA
// auditory spectrum, cSpectral, MFCC): smaWin 3, deltawin 2. Each level's rows are the smoothed
// values then their deltas. A smoother reading several levels pads each at its own end, so
// level A, whose ZCR comes from the 60 ms frames, ends with them.
import { ContextualStageRunner } from "../contextual-stage.js";
import { createDeltaRegressionStage } from "../delta-regression.js";
import { frameGeometry } from "../framing.js";
import { COMPARE16_PITCH_PARAMS } from "../gemaps-pitch.js";
import { RowCollector } from "../row-collector.js";
import { Compare16Levels } from "./compare16-levels.js";
import { Compare16VoiceContours } from "./compare16-voice-contours.js";
import { GemapsSmoothedLevel } from "./gemaps-smoothed-level.js";
import { LevelJoin } from "./level-join.js";

/** Spectral row columns of level A (audspec and RASTA sums, RMS energy); the rest are level B. */
export const COMPARE16_A_SPECTRAL_COLUMNS = 3;
export const COMPARE16_A_COLUMNS = COMPARE16_A_SPECTRAL_COLUMNS + 1;
export const COMPARE16_B_COLUMNS = 55;
export const COMPARE16_VOICE_COLUMNS = 6;
const DELTA_WINDOW = 2;

export class Compare16LldLevels {
  /** Voice rows: 6 smoothed, 6 deltas; one per 60 ms frame and one past the end. */
  readonly voice: RowCollector;
  /** Level A rows: 4 smoothed, 4 deltas; one per 60 ms frame and one past the end. */
  readonly levelA: RowCollector;
  /** Level B rows: 55 smoothed, 55 deltas; one per 20 ms frame and one past the end. */
  readonly levelB: RowCollector;
  /** Frames a level row trails the samples of its 20 ms frame by. */
  readonly delayFrames: number;
  private readonly levels: Compare16Levels;
  private readonly contours: Compare16VoiceContours;
  private readonly spectralA = new GemapsSmoothedLevel(COMPARE16_A_SPECTRAL_COLUMNS, false);
  private readonly zcr = new GemapsSmoothedLevel(1, false);
  private readonly spectralB = new GemapsSmoothedLevel(COMPARE16_B_COLUMNS, false);
  private readonly deltasA = deltaRunner(COMPARE16_A_COLUMNS);
  private readonly deltasB = deltaRunner(COMPARE16_B_COLUMNS);
  /** Level A's smoothed rows: the spectral sums and energy, then the ZCR, into the deltas. */
  private readonly joinA = new LevelJoin(
    COMPARE16_A_COLUMNS,
    [
      { level: this.spectralA.output, from: 0, count: COMPARE16_A_SPECTRAL_COLUMNS, to: 0 },
      { level: this.zcr.output, from: 0, count: 1, to: COMPARE16_A_SPECTRAL_COLUMNS },
    ],
    (row) => {
      this.deltasA.accept(row, 0);
      // The runner holds only the deltas' window: compute before the next row goes in.
      this.drainDeltas();
    },
  );
  /** Complete 20 ms and 60 ms frames, and the voice rows openSMILE had before the input ended. */
  private shortFrames = 0;
  private longFrames = 0;
  private onTimeVoiceRows = -1;
  private voiceRows = 0;

  /**
   * `expectedSamples`: the input's length where a caller keeps every row (batch functionals), so
   * the levels are sized once.
   */
  constructor(sampleRate: number, expectedSamples?: number) {
    const { frameSizeSeconds, frameStepSeconds } = COMPARE16_PITCH_PARAMS;
    const { frameStep } = frameGeometry(sampleRate, frameSizeSeconds, frameStepSeconds);
    // A row per step of the input at most, and the one past the end.
    const rows =
      expectedSamples === undefined ? undefined : Math.ceil(expectedSamples / frameStep) + 1;
    this.contours = new Compare16VoiceContours(rows);
    this.voice = this.contours.output;
    this.levelA = new RowCollector(2 * COMPARE16_A_COLUMNS, rows);
    this.levelB = new RowCollector(2 * COMPARE16_B_COLUMNS, rows);
    this.levels = new Compare16Levels(sampleRate, {
      spectralRow: (row) => {
        this.shortFrames += 1;
        this.spectralA.accept(row, 0);
        this.spectralB.accept(row, COMPARE16_A_SPECTRAL_COLUMNS);
      },
      zcrRow: (row) => {
        this.longFrames += 1;
        this.zcr.accept(row, 0);
      },
      voiceRow: (row) => {
        this.voiceRows += 1;
        this.contours.accept(row);
      },
      lateRowsFollow: () => {
        this.onTimeVoiceRows = this.voiceRows;
        this.contours.lateRowsFollow();
      },
    });
    // The 60 ms frames' extra length, the pitch smoother's delay, then smoothing and deltas.
    this.delayFrames = this.levels.longFrameLead + this.levels.pitchDelay + this.contours.delay;
  }

  /** Complete 20 ms frames so far (level B's rows before the one past the end). */
  get shortFrameCount(): number {
    return this.shortFrames;
  }

  /** Complete 60 ms frames so far (level A's rows before the one past the end). */
  get longFrameCount(): number {
    return this.longFrames;
  }

  /** Voice rows openSMILE had computed when the input ended (after `end`; -1 before). */
  get onTimeVoiceRowCount(): number {
    return this.onTimeVoiceRows;
  }

  push(chunk: Float32Array): void {
    this.levels.push(chunk);
    this.drain();
  }

  /** No more samples: every level's last rows, down to the one past its end. */
  end(): void {
    this.levels.end();
    this.contours.end();
    this.spectralA.end();
    this.zcr.end();
    this.spectralB.end();
    this.drain();
    this.deltasA.end();
    this.deltasB.end();
    this.drainDeltas();
  }

  private drain(): void {
    this.joinA.join();
    const smoothedB = this.spectralB.output;
    const levelB = smoothedB.matrix();
    for (let r = 0; r < levelB.frames; r += 1) {
      this.deltasB.accept(levelB.data, r * COMPARE16_B_COLUMNS);
      this.drainDeltas();
    }
    smoothedB.discard(levelB.frames);
  }

  private drainDeltas(): void {
    while (this.deltasA.hasReady()) {
      this.deltasA.computeNext();
      this.levelA.append(this.deltasA.output);
    }
    while (this.deltasB.hasReady()) {
      this.deltasB.computeNext();
      this.levelB.append(this.deltasB.output);
    }
  }
}

function deltaRunner(dimension: number): ContextualStageRunner {
  return new ContextualStageRunner(
    createDeltaRegressionStage({ inputDimension: dimension, deltaWindow: DELTA_WINDOW }),
  );
}
