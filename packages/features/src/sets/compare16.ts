// `compare16`: openSMILE's ComParE 2016 functionals (config/compare16/ComParE_2016.conf, its `func`
// level), one row of 6,373 per utterance, from the levels of compare16_lld, each as openSMILE's
// level stood when the input ended: level B's 20 ms rows, level A's 60 ms rows, the voice rows
// the Viterbi pitch smoother had decided by then, and two rows fewer of each level's deltas.
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  COMPARE16_FUNCTIONAL_COLUMNS,
  type Compare16FunctionalsLevel,
  compare16FunctionalsOfLevels,
  type LevelRows,
} from "../functionals/compare16-functionals.js";
import {
  checkFunctionalsWindow,
  type FunctionalsWindow,
  WindowCursor,
} from "../functionals-window.js";
import { COMPARE16_PITCH_PARAMS } from "../gemaps-pitch.js";
import { RowCollector } from "../row-collector.js";
import type { StreamingExtractor } from "../streaming-extractor.js";
import { COMPARE16_PARAMS } from "./compare16-lld.js";
import { Compare16LldLevels } from "./compare16-lld-levels.js";
import { CANONICAL_SAMPLE_RATE } from "./mfcc-feature-set.js";

/** The rows of a delta level openSMILE's functionals see: its window has not reached the end. */
const DELTA_ROWS_SHORT = 2;

function specFor(sampleRate: number): FeatureSetSpec {
  return {
    name: "compare16",
    level: "functionals",
    sampleRate,
    frameSizeSeconds: COMPARE16_PITCH_PARAMS.frameSizeSeconds,
    frameStepSeconds: COMPARE16_PITCH_PARAMS.frameStepSeconds,
    dimension: COMPARE16_FUNCTIONAL_COLUMNS.length,
    columns: [...COMPARE16_FUNCTIONAL_COLUMNS],
    params: { ...COMPARE16_PARAMS },
  };
}

export const compare16: FeatureSet = {
  name: "compare16",
  lldSet: "compare16_lld",
  spec: specFor(CANONICAL_SAMPLE_RATE),
  specFor,
  createExtractor: (sampleRate, expectedSamples) =>
    new Compare16FunctionalsExtractor(sampleRate, undefined, expectedSamples),
  createWindowedExtractor: (sampleRate, window) => {
    checkFunctionalsWindow(window);
    return new Compare16FunctionalsExtractor(sampleRate, window);
  },
};

/**
 * The utterance's functionals at `end`, and with a `window` also one row per window as soon as
 * every level has its rows (the voice rows trail by the pitch smoother's delay); rows before the
 * current window are dropped from every level, so memory is bounded.
 */
class Compare16FunctionalsExtractor implements StreamingExtractor {
  readonly dimension = COMPARE16_FUNCTIONAL_COLUMNS.length;
  readonly delayFrames: number;
  private readonly frameStepSeconds = COMPARE16_PITCH_PARAMS.frameStepSeconds;
  private readonly levels: Compare16LldLevels;
  private readonly cursor: WindowCursor | undefined;
  private ended = false;

  /** `expectedSamples` (batch) sizes the levels, which keep every row without a window. */
  constructor(sampleRate: number, window?: FunctionalsWindow, expectedSamples?: number) {
    this.levels = new Compare16LldLevels(
      sampleRate,
      window === undefined ? expectedSamples : undefined,
    );
    this.cursor = window === undefined ? undefined : new WindowCursor(window);
    this.delayFrames = window === undefined ? Number.POSITIVE_INFINITY : this.levels.delayFrames;
  }

  push(chunk: Float32Array): FeatureMatrix {
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "samples pushed after end() of the extractor");
    }
    this.levels.push(chunk);
    return this.completedWindows();
  }

  end(): FeatureMatrix {
    if (this.ended) return emptyFeatureMatrix(this.dimension);
    this.ended = true;
    const { levels, cursor } = this;
    levels.end();
    const windows = this.completedWindows();
    if (cursor !== undefined && cursor.windows > 0) return windows;
    const voiced = levels.onTimeVoiceRowCount;
    const shortest = Math.min(voiced, levels.longFrameCount) - DELTA_ROWS_SHORT;
    // A live stream too short for any functionals simply has none.
    if (shortest < 1 && cursor !== undefined) return windows;
    if (shortest < 1) {
      throw new EmotionStreamError(
        "UTTERANCE_TOO_SHORT",
        "ComParE functionals need three pitch frames decided before the end; the audio is too short",
        { received: levels.longFrameCount },
      );
    }
    const input = functionalsInput(
      levels.voice.matrix(voiced),
      levels.levelA.matrix(levels.longFrameCount),
      levels.levelB.matrix(levels.shortFrameCount),
      DELTA_ROWS_SHORT,
    );
    const data = compare16FunctionalsOfLevels(input, this.frameStepSeconds);
    return { frames: 1, dimension: this.dimension, data };
  }

  /** A functionals row for each window every level has all rows of. */
  private completedWindows(): FeatureMatrix {
    const { cursor, levels } = this;
    if (cursor === undefined) return emptyFeatureMatrix(this.dimension);
    const groups = [levels.voice, levels.levelA, levels.levelB];
    const held = () => Math.min(...groups.map((group) => group.rows));
    const out = new RowCollector(this.dimension, 1);
    const { frames } = cursor.window;
    for (let first = cursor.nextWindow(held()); first >= 0; ) {
      const input = functionalsInput(
        levels.voice.slice(first, frames),
        levels.levelA.slice(first, frames),
        levels.levelB.slice(first, frames),
        0,
      );
      out.append(compare16FunctionalsOfLevels(input, this.frameStepSeconds));
      const drop = cursor.advance(held());
      for (const group of groups) group.discard(drop);
      first = cursor.nextWindow(held());
    }
    return out.take();
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
