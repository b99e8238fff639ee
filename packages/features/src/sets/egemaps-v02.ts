// `egemaps_v02`: openSMILE's eGeMAPS v02 functionals (config/egemaps/v02/eGeMAPSv02.conf, its
// `func` level), one row of 88 per utterance. The functionals read six smoothed groups of the
// same levels as egemaps_v02_lld (egemaps-functionals.ts), some of them voiced-only or
// unvoiced-only selections, each as openSMILE's level stood when the input ended: every 20 ms
// frame for the spectral groups, and for the pitch groups only the frames the Viterbi smoother
// had decided by then.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "../feature-matrix.js";
import type { FeatureSet } from "../feature-set.js";
import {
  EGEMAPS_V02_FUNCTIONAL_COLUMNS,
  egemapsV02Functionals,
} from "../functionals/egemaps-functionals.js";
import {
  FunctionalsExtractor,
  functionalsExtractors,
} from "../functionals/functionals-extractor.js";
import type { FunctionalsWindow } from "../functionals-window.js";
import { GEMAPS_PITCH_PARAMS } from "../gemaps-pitch.js";
import { RowCollector } from "../row-collector.js";
import { EgemapsLevels } from "./egemaps-v02-levels.js";
import { EGEMAPS_V02_PARAMS } from "./egemaps-v02-lld.js";
import { GemapsSmoothedLevel } from "./gemaps-smoothed-level.js";
import { specAtEveryRate } from "./spec-at-every-rate.js";

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

export const egemapsV02: FeatureSet = {
  ...specAtEveryRate({
    name: "egemaps_v02",
    level: "functionals",
    frameSizeSeconds: GEMAPS_PITCH_PARAMS.frameSizeSeconds,
    frameStepSeconds: GEMAPS_PITCH_PARAMS.frameStepSeconds,
    columns: EGEMAPS_V02_FUNCTIONAL_COLUMNS,
    params: EGEMAPS_V02_PARAMS,
  }),
  lldSet: "egemaps_v02_lld",
  ...functionalsExtractors(
    (sampleRate, window) => new EgemapsFunctionalsExtractor(sampleRate, window),
  ),
};

/** The functionals of six smoothed groups; the pitch groups trail by the Viterbi smoother's delay. */
class EgemapsFunctionalsExtractor extends FunctionalsExtractor {
  readonly dimension = EGEMAPS_V02_FUNCTIONAL_COLUMNS.length;
  readonly delayFrames: number;
  private readonly frameStepSeconds = GEMAPS_PITCH_PARAMS.frameStepSeconds;
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
  /** The groups the functionals read, which a window needs all of. */
  private readonly groups = [
    this.spectral.output,
    this.energy,
    this.f0.output,
    this.voice.output,
    this.voicedSpectral.output,
    this.unvoicedSpectral.output,
  ];
  private readonly voiceRow = new Float32Array(F_VOICE_COUNT);
  private readonly selected = new Float32Array(E_SPECTRAL_COUNT);
  private fRows = 0;
  /** F rows openSMILE had before the input ended: the pitch groups' rows its functionals see. */
  private decided = 0;

  constructor(sampleRate: number, window: FunctionalsWindow | undefined) {
    super(window);
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

  protected feed(chunk: Float32Array): void {
    this.levels.push(chunk);
  }

  protected feedEnd(): void {
    this.levels.end();
    this.voice.finish();
    for (const level of [this.spectral, this.f0, this.voicedSpectral, this.unvoicedSpectral]) {
      level.end();
    }
  }

  protected heldRows(): number {
    return Math.min(...this.groups.map((group) => group.rows));
  }

  protected discard(rows: number): void {
    for (const group of [...this.groups, this.spectralValues]) group.discard(rows);
  }

  protected windowFunctionals(first: number, frames: number): Float32Array {
    return this.functionals((group) => group.slice(first, frames));
  }

  protected utteranceFunctionals(): Float32Array | undefined {
    const { decided } = this;
    if (decided === 0) return undefined;
    const frames20 = this.energy.rows;
    return this.functionals((group, pitch) => group.matrix(pitch ? decided : frames20));
  }

  /**
   * The functionals of the rows `rows` picks from each group (a window's, or the utterance's:
   * `pitch` groups have only the rows decided before the end).
   */
  private functionals(rows: (group: RowCollector, pitch: boolean) => FeatureMatrix): Float32Array {
    const spectral = rows(this.spectral.output, false);
    return egemapsV02Functionals(
      {
        f0: rows(this.f0.output, true),
        loudness: columns(spectral, 0, 1),
        meanStddevZ: columns(spectral, E_FLUX_AND_MFCC_FIRST, 5),
        voiced: sideBySide(rows(this.voice.output, true), rows(this.voicedSpectral.output, true)),
        unvoiced: rows(this.unvoicedSpectral.output, true),
        energy: rows(this.energy, false),
      },
      this.frameStepSeconds,
    );
  }

  protected tooShort(): EmotionStreamError {
    return new EmotionStreamError(
      "UTTERANCE_TOO_SHORT",
      "eGeMAPS functionals need a pitch frame decided before the end; the audio is too short",
      { received: this.fRows },
    );
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
