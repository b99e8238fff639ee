// `egemaps_v02`: openSMILE's eGeMAPS v02 functionals (config/egemaps/v02/eGeMAPSv02.conf, its
// `func` level), one row of 88 per utterance. The functionals read six smoothed groups of the
// same levels as egemaps_v02_lld (egemaps-functionals.ts), some of them voiced-only or
// unvoiced-only selections, each as openSMILE's level stood when the input ended: every 20 ms
// frame for the spectral groups, and for the pitch groups only the frames the Viterbi smoother
// had decided by then.
import { EmotionStreamError, type FeatureSetSpec } from "@emotion-stream/core";
import { emptyFeatureMatrix, type FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  EGEMAPS_V02_FUNCTIONAL_COLUMNS,
  egemapsV02Functionals,
} from "../functionals/egemaps-functionals.js";
import {
  checkFunctionalsWindow,
  type FunctionalsWindow,
  WindowCursor,
} from "../functionals-window.js";
import { GEMAPS_PITCH_PARAMS } from "../gemaps-pitch.js";
import { RowCollector } from "../row-collector.js";
import type { StreamingExtractor } from "../streaming-extractor.js";
import { EgemapsLevels } from "./egemaps-v02-levels.js";
import { EGEMAPS_V02_PARAMS } from "./egemaps-v02-lld.js";
import { GemapsSmoothedLevel } from "./gemaps-smoothed-level.js";
import { CANONICAL_SAMPLE_RATE } from "./mfcc-feature-set.js";

/** gemapsv01b_formantVoiced and the V/UV selectors: voiced where F0finalLog > 1e-6. */
const VOICED_THRESHOLD = Math.fround(1e-6);
/** E row columns: loudness, then the 9 spectral values the V/UV groups select, then energy. */
const E_LOUDNESS = 0;
const E_SPECTRAL_FIRST = 1;
const E_SPECTRAL_COUNT = 9;
/** Of those, the unvoiced group keeps alpha ratio, Hammarberg, both slopes and flux. */
const UNVOICED_SPECTRAL_COUNT = 5;
const E_FLUX_AND_MFCC_FIRST = 5;
const E_ENERGY = 10;
/** F row columns: F0 (Hz), F0finalLog, then jitter .. F3 amplitude. */
const F_LOG_F0 = 1;
const F_VOICE_FIRST = 2;
const F_VOICE_COUNT = 14;
/** Formant frequency and bandwidth columns of the voice group, zeroed when unvoiced. */
const VOICE_FORMANT_COLUMNS = [5, 6, 8, 9, 11, 12];

function specFor(sampleRate: number): FeatureSetSpec {
  return {
    name: "egemaps_v02",
    level: "functionals",
    sampleRate,
    frameSizeSeconds: GEMAPS_PITCH_PARAMS.frameSizeSeconds,
    frameStepSeconds: GEMAPS_PITCH_PARAMS.frameStepSeconds,
    dimension: EGEMAPS_V02_FUNCTIONAL_COLUMNS.length,
    columns: [...EGEMAPS_V02_FUNCTIONAL_COLUMNS],
    params: { ...EGEMAPS_V02_PARAMS },
  };
}

export const egemapsV02: FeatureSet = {
  name: "egemaps_v02",
  lldSet: "egemaps_v02_lld",
  spec: specFor(CANONICAL_SAMPLE_RATE),
  specFor,
  createExtractor: (sampleRate) => new EgemapsFunctionalsExtractor(sampleRate),
  createWindowedExtractor: (sampleRate, window) => {
    checkFunctionalsWindow(window);
    return new EgemapsFunctionalsExtractor(sampleRate, window);
  },
};

/**
 * The utterance's functionals at `end`, and with a `window` also one row per window as soon as
 * every group has its rows (the pitch groups trail by the Viterbi smoother's delay); rows before
 * the current window are dropped from every group, so memory is bounded.
 */
class EgemapsFunctionalsExtractor implements StreamingExtractor {
  readonly dimension = EGEMAPS_V02_FUNCTIONAL_COLUMNS.length;
  readonly delayFrames: number;
  private readonly frameStepSeconds: number;
  /** A live stream's windows (its `base`: the first frame every group still holds). */
  private readonly cursor: WindowCursor | undefined;
  private readonly levels: EgemapsLevels;
  /** gemapsv01b_loudness_smo and egemapsv02_lldSetNoF0AndLoudnessZ_smo, side by side. */
  private readonly spectral = new GemapsSmoothedLevel(E_FLUX_AND_MFCC_FIRST + 5, false);
  private readonly energy = new RowCollector(1);
  /** The spectral values of every 20 ms frame, until its pitch frame says voiced or not. */
  private readonly spectralValues = new RowCollector(E_SPECTRAL_COUNT);
  private readonly f0 = new GemapsSmoothedLevel(1, true);
  /** egemapsv02_lldSetNoF0AndLoudnessNz_smo: it reads cPitchJitter, so it ends early. */
  private readonly voice = new GemapsSmoothedLevel(F_VOICE_COUNT, true);
  private readonly voicedSpectral = new GemapsSmoothedLevel(E_SPECTRAL_COUNT, true);
  private readonly unvoicedSpectral = new GemapsSmoothedLevel(UNVOICED_SPECTRAL_COUNT, true);
  private readonly voiceRow = new Float32Array(F_VOICE_COUNT);
  private readonly selected = new Float32Array(E_SPECTRAL_COUNT);
  private fRows = 0;
  /** F rows openSMILE had before the input ended: the pitch groups' rows its functionals see. */
  private decided = 0;
  private ended = false;

  constructor(sampleRate: number, window?: FunctionalsWindow) {
    this.frameStepSeconds = GEMAPS_PITCH_PARAMS.frameStepSeconds;
    this.cursor = window === undefined ? undefined : new WindowCursor(window);
    this.levels = new EgemapsLevels(sampleRate, {
      eRow: (row) => {
        this.spectral.accept(row, E_LOUDNESS);
        this.energy.append(row, E_ENERGY);
        this.spectralValues.append(row, E_SPECTRAL_FIRST);
      },
      fRow: (row) => this.acceptPitchFrame(row),
      lateRowsFollow: () => {
        this.decided = this.fRows;
        this.voice.end();
      },
    });
    this.delayFrames =
      window === undefined
        ? Number.POSITIVE_INFINITY
        : this.levels.longFrameLead + this.levels.pitchDelay + 1;
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
    this.levels.end();
    this.voice.finish();
    const { decided } = this;
    for (const level of [this.spectral, this.f0, this.voicedSpectral, this.unvoicedSpectral]) {
      level.end();
    }
    const windows = this.completedWindows();
    if (this.cursor !== undefined && this.cursor.windows > 0) return windows;
    // A live stream too short for any functionals simply has none.
    if (decided === 0 && this.cursor !== undefined) return windows;
    if (decided === 0) {
      throw new EmotionStreamError(
        "UTTERANCE_TOO_SHORT",
        "eGeMAPS functionals need a pitch frame decided before the end; the audio is too short",
        { received: this.fRows },
      );
    }
    const frames20 = this.energy.rows;
    const spectral = this.spectral.output.matrix(frames20);
    const data = egemapsV02Functionals(
      {
        f0: this.f0.output.matrix(decided),
        loudness: columns(spectral, 0, 1),
        meanStddevZ: columns(spectral, E_FLUX_AND_MFCC_FIRST, 5),
        voiced: sideBySide(
          this.voice.output.matrix(decided),
          this.voicedSpectral.output.matrix(decided),
        ),
        unvoiced: this.unvoicedSpectral.output.matrix(decided),
        energy: this.energy.matrix(),
      },
      this.frameStepSeconds,
    );
    return { frames: 1, dimension: this.dimension, data };
  }

  /** A functionals row for each window every group has all rows of. */
  private completedWindows(): FeatureMatrix {
    const { cursor } = this;
    if (cursor === undefined) return emptyFeatureMatrix(this.dimension);
    const groups = [
      this.spectral.output,
      this.energy,
      this.f0.output,
      this.voice.output,
      this.voicedSpectral.output,
      this.unvoicedSpectral.output,
    ];
    const out = new RowCollector(this.dimension, 1);
    const held = () => Math.min(...groups.map((group) => group.rows));
    const { frames } = cursor.window;
    for (let first = cursor.nextWindow(held()); first >= 0; ) {
      const spectral = this.spectral.output.slice(first, frames);
      out.append(
        egemapsV02Functionals(
          {
            f0: this.f0.output.slice(first, frames),
            loudness: columns(spectral, 0, 1),
            meanStddevZ: columns(spectral, E_FLUX_AND_MFCC_FIRST, 5),
            voiced: sideBySide(
              this.voice.output.slice(first, frames),
              this.voicedSpectral.output.slice(first, frames),
            ),
            unvoiced: this.unvoicedSpectral.output.slice(first, frames),
            energy: this.energy.slice(first, frames),
          },
          this.frameStepSeconds,
        ),
      );
      const drop = cursor.advance(held());
      for (const group of [...groups, this.spectralValues]) group.discard(drop);
      first = cursor.nextWindow(held());
    }
    return out.take();
  }

  /** Pitch frame k: F0, the voice group and the voiced/unvoiced selections of 20 ms frame k. */
  private acceptPitchFrame(row: Float32Array): void {
    const frame = this.fRows;
    this.fRows += 1;
    const voiced = (row[F_LOG_F0] as number) > VOICED_THRESHOLD;
    this.f0.accept(row, F_LOG_F0);
    const { voiceRow, selected } = this;
    voiceRow.set(row.subarray(F_VOICE_FIRST, F_VOICE_FIRST + F_VOICE_COUNT));
    if (!voiced) for (const column of VOICE_FORMANT_COLUMNS) voiceRow[column] = 0;
    this.voice.accept(voiceRow);
    const held = frame - (this.cursor?.base ?? 0);
    for (let c = 0; c < E_SPECTRAL_COUNT; c += 1) {
      selected[c] = voiced ? this.spectralValues.value(held, c) : 0;
    }
    this.voicedSpectral.accept(selected);
    for (let c = 0; c < UNVOICED_SPECTRAL_COUNT; c += 1) {
      selected[c] = voiced ? 0 : this.spectralValues.value(held, c);
    }
    this.unvoicedSpectral.accept(selected);
  }
}

/** `count` columns of `matrix` from `first`, as a new matrix. */
function columns(matrix: FeatureMatrix, first: number, count: number): FeatureMatrix {
  const data = new Float32Array(matrix.frames * count);
  for (let t = 0; t < matrix.frames; t += 1) {
    const row = t * matrix.dimension + first;
    data.set(matrix.data.subarray(row, row + count), t * count);
  }
  return { frames: matrix.frames, dimension: count, data };
}

/** The rows of `left` followed by those of `right`, frame by frame (same frame count). */
function sideBySide(left: FeatureMatrix, right: FeatureMatrix): FeatureMatrix {
  const dimension = left.dimension + right.dimension;
  const frames = Math.min(left.frames, right.frames);
  const data = new Float32Array(frames * dimension);
  for (let t = 0; t < frames; t += 1) {
    data.set(left.data.subarray(t * left.dimension, (t + 1) * left.dimension), t * dimension);
    data.set(
      right.data.subarray(t * right.dimension, (t + 1) * right.dimension),
      t * dimension + left.dimension,
    );
  }
  return { frames, dimension, data };
}
