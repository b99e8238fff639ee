// `compare16`: openSMILE's ComParE 2016 functionals (config/compare16/ComParE_2016.conf, its `func`
// level), one row of 6,373 per utterance, from the levels of compare16_lld, each as openSMILE's
// level stood when the input ended: level B's 20 ms rows, level A's 60 ms rows, the voice rows
// the Viterbi pitch smoother had decided by then, and two rows fewer of each level's deltas.
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  COMPARE16_FUNCTIONAL_COLUMNS,
  type Compare16FunctionalsInput,
  compare16Functionals,
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
  createExtractor: (sampleRate) => new Compare16FunctionalsExtractor(sampleRate),
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

  constructor(sampleRate: number, window?: FunctionalsWindow) {
    this.levels = new Compare16LldLevels(sampleRate);
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
    const data = compare16Functionals(input, this.frameStepSeconds);
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
      out.append(compare16Functionals(input, this.frameStepSeconds));
      const drop = cursor.advance(held());
      for (const group of groups) group.discard(drop);
      first = cursor.nextWindow(held());
    }
    return out.take();
  }
}

interface StaticsAndDeltas {
  readonly statics: FeatureMatrix;
  readonly deltas: FeatureMatrix;
}

/** A level's rows (statics then deltas) as two matrices, the deltas without the last `short`. */
function staticsAndDeltas(matrix: FeatureMatrix, short: number): StaticsAndDeltas {
  const width = matrix.dimension / 2;
  const deltaFrames = Math.max(0, matrix.frames - short);
  const statics = new Float32Array(matrix.frames * width);
  const deltas = new Float32Array(deltaFrames * width);
  for (let t = 0; t < matrix.frames; t += 1) {
    const row = t * matrix.dimension;
    statics.set(matrix.data.subarray(row, row + width), t * width);
    if (t < deltaFrames) deltas.set(matrix.data.subarray(row + width, row + 2 * width), t * width);
  }
  return {
    statics: { frames: matrix.frames, dimension: width, data: statics },
    deltas: { frames: deltaFrames, dimension: width, data: deltas },
  };
}

/** The functionals' input from the three levels' rows, the deltas `short` rows shorter. */
function functionalsInput(
  voice: FeatureMatrix,
  levelA: FeatureMatrix,
  levelB: FeatureMatrix,
  short: number,
): Compare16FunctionalsInput {
  const nz = staticsAndDeltas(voice, short);
  const a = staticsAndDeltas(levelA, short);
  const b = staticsAndDeltas(levelB, short);
  const f0 = new Float32Array(voice.frames);
  for (let t = 0; t < voice.frames; t += 1)
    f0[t] = nz.statics.data[t * nz.statics.dimension] as number;
  return {
    nz: nz.statics,
    nzDelta: nz.deltas,
    lldA: a.statics,
    lldADelta: a.deltas,
    lldB: b.statics,
    lldBDelta: b.deltas,
    f0: { frames: voice.frames, dimension: 1, data: f0 },
  };
}
