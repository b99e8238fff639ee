// `compare16`: openSMILE's ComParE 2016 functionals (config/compare16/ComParE_2016.conf, its `func`
// level), one row of 6,373 per utterance, from the levels of compare16_lld, each as openSMILE's
// level stood when the input ended: level B's 20 ms rows, level A's 60 ms rows, the voice rows
// the Viterbi pitch smoother had decided by then, and two rows fewer of each level's deltas.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  COMPARE16_FUNCTIONAL_COLUMNS,
  type Compare16FunctionalsLevel,
  compare16FunctionalsOfLevels,
  type LevelRows,
} from "../functionals/compare16-functionals.js";
import {
  FunctionalsExtractor,
  functionalsExtractors,
} from "../functionals/functionals-extractor.js";
import type { FunctionalsWindow } from "../functionals-window.js";
import { COMPARE16_PITCH_PARAMS } from "../gemaps-pitch.js";
import { COMPARE16_PARAMS } from "./compare16-lld.js";
import { Compare16LldLevels } from "./compare16-lld-levels.js";
import { specAtEveryRate } from "./spec-at-every-rate.js";

/** The rows of a delta level openSMILE's functionals see: its window has not reached the end. */
const DELTA_ROWS_SHORT = 2;

export const compare16: FeatureSet = {
  ...specAtEveryRate({
    name: "compare16",
    level: "functionals",
    frameSizeSeconds: COMPARE16_PITCH_PARAMS.frameSizeSeconds,
    frameStepSeconds: COMPARE16_PITCH_PARAMS.frameStepSeconds,
    columns: COMPARE16_FUNCTIONAL_COLUMNS,
    params: COMPARE16_PARAMS,
  }),
  lldSet: "compare16_lld",
  ...functionalsExtractors(
    (sampleRate, window, expectedSamples) =>
      new Compare16FunctionalsExtractor(sampleRate, window, expectedSamples),
  ),
};

/** The functionals of compare16_lld's levels; the voice rows trail by the pitch smoother's delay. */
class Compare16FunctionalsExtractor extends FunctionalsExtractor {
  readonly dimension = COMPARE16_FUNCTIONAL_COLUMNS.length;
  readonly delayFrames: number;
  private readonly frameStepSeconds = COMPARE16_PITCH_PARAMS.frameStepSeconds;
  private readonly levels: Compare16LldLevels;

  /** `expectedSamples` (batch) sizes the levels, which keep every row without a window. */
  constructor(sampleRate: number, window: FunctionalsWindow | undefined, expectedSamples?: number) {
    super(window);
    this.levels = new Compare16LldLevels(
      sampleRate,
      window === undefined ? expectedSamples : undefined,
    );
    this.delayFrames = window === undefined ? Number.POSITIVE_INFINITY : this.levels.delayFrames;
  }

  protected feed(chunk: Float32Array): void {
    this.levels.push(chunk);
  }

  protected feedEnd(): void {
    this.levels.end();
  }

  protected heldRows(): number {
    const { voice, levelA, levelB } = this.levels;
    return Math.min(voice.rows, levelA.rows, levelB.rows);
  }

  protected discard(rows: number): void {
    const { voice, levelA, levelB } = this.levels;
    for (const level of [voice, levelA, levelB]) level.discard(rows);
  }

  protected windowFunctionals(first: number, frames: number): Float32Array {
    const { voice, levelA, levelB } = this.levels;
    const input = functionalsInput(
      voice.slice(first, frames),
      levelA.slice(first, frames),
      levelB.slice(first, frames),
      0,
    );
    return compare16FunctionalsOfLevels(input, this.frameStepSeconds);
  }

  protected utteranceFunctionals(): Float32Array | undefined {
    const { levels } = this;
    const voiced = levels.onTimeVoiceRowCount;
    const shortest = Math.min(voiced, levels.longFrameCount) - DELTA_ROWS_SHORT;
    if (shortest < 1) return undefined;
    const input = functionalsInput(
      levels.voice.matrix(voiced),
      levels.levelA.matrix(levels.longFrameCount),
      levels.levelB.matrix(levels.shortFrameCount),
      DELTA_ROWS_SHORT,
    );
    return compare16FunctionalsOfLevels(input, this.frameStepSeconds);
  }

  protected tooShort(): EmotionStreamError {
    return new EmotionStreamError(
      "UTTERANCE_TOO_SHORT",
      "ComParE functionals need three pitch frames decided before the end; the audio is too short",
      { received: this.levels.longFrameCount },
    );
  }
}

/**
 * The functionals' levels in the rows of the three levels (statics then deltas), the deltas
 * `short` rows shorter.
 */
function functionalsInput(
  voice: FeatureMatrix,
  levelA: FeatureMatrix,
  levelB: FeatureMatrix,
  short: number,
): Readonly<Record<Compare16FunctionalsLevel, LevelRows>> {
  const statics = (matrix: FeatureMatrix): LevelRows => ({
    matrix,
    firstColumn: 0,
    frames: matrix.frames,
  });
  const deltas = (matrix: FeatureMatrix): LevelRows => ({
    matrix,
    firstColumn: matrix.dimension / 2,
    frames: Math.max(0, matrix.frames - short),
  });
  return {
    nz: statics(voice),
    nzDelta: deltas(voice),
    lldA: statics(levelA),
    lldADelta: deltas(levelA),
    lldB: statics(levelB),
    lldBDelta: deltas(levelB),
    // is13_lld_f0_nzsmo: the F0 column itself.
    f0: statics(voice),
  };
}
