// openSMILE's cPitchShs (with cPitchBase's candidate post-processing) as GeMAPS and ComParE 2016
// configure it: subharmonic summation on the octave spectrum of cSpecScale (15 harmonics, each
// compressed by 0.85 more), the 6 highest peaks as F0 candidates (greedyPeakAlgo = 1) refined by a
// parabola, their voicing 1 - mean / peak, candidates outside minPitch..maxPitch dropped (GeMAPS
// 55..1000 Hz, ComParE 52..620 Hz), the best scored first.
// float32 arithmetic where openSMILE's is float (its data memory type), double where it is double.

import type { OctaveSpectrum } from "./octave-spectrum.js";
import { type ParabolaVertex, parabolaVertex } from "./parabola-vertex.js";
import { pitchKernels } from "./wasm/pitch-kernels.js";

export interface PitchShsOptions {
  readonly candidates?: number;
  readonly harmonics?: number;
  readonly compressionFactor?: number;
  readonly minPitch?: number;
  readonly maxPitch?: number;
  readonly voicingCutoff?: number;
}

export const GEMAPS_PITCH_SHS_OPTIONS = {
  candidates: 6,
  harmonics: 15,
  compressionFactor: 0.85,
  minPitch: 55,
  maxPitch: 1000,
  voicingCutoff: 0.7,
} as const satisfies Required<PitchShsOptions>;

/** ComParE 2016's is13_shs: GeMAPS's but for the pitch range. */
export const COMPARE16_PITCH_SHS_OPTIONS = {
  ...GEMAPS_PITCH_SHS_OPTIONS,
  minPitch: 52,
  maxPitch: 620,
} as const satisfies Required<PitchShsOptions>;

export class PitchShs {
  readonly candidates: number;
  /** Valid candidates of the last frame (the first `candidateCount` slots; the rest are 0). */
  candidateCount = 0;
  /** F0 candidates of the last frame, Hz, the highest score first (cPitchBase's F0Cand). */
  readonly f0: Float32Array;
  /** Their voicing (pseudo) probabilities (candVoicing). */
  readonly voicing: Float32Array;
  /** Their subharmonic sums (candScores). */
  readonly scores: Float32Array;
  /** The first candidate where its voicing exceeds the cutoff, else 0 (F0raw). */
  f0Raw = 0;
  /** Its voicing where above the cutoff, else 0 (voicingClip). */
  voicingClip = 0;
  /** cPitchBase's voicingCutoff as float32, which cPitchSmootherViterbi takes as its threshold. */
  readonly voicingCutoff: number;
  private readonly harmonics: number;
  private readonly minPitch: number;
  private readonly maxPitch: number;
  private readonly points: number;
  private readonly firstLog2: number;
  private readonly log2Step: number;
  /** Where harmonic h (2..harmonics) lands below the fundamental on the octave axis, points. */
  private readonly shifts: Int32Array;
  /** Harmonic h's weight, compressionFactor^(h - 1) multiplied up in float32. */
  private readonly scales: Float32Array;
  private readonly sums: Float32Array;
  /** Candidates by position on the octave axis before their refinement. */
  private readonly peakIndex: Float64Array;
  /** The local maxima of the last sum, by position. */
  private readonly maxima: Int32Array;
  private readonly vertex: ParabolaVertex = { x: 0, y: 0 };

  constructor(spectrum: OctaveSpectrum, options: PitchShsOptions = {}) {
    const o = { ...GEMAPS_PITCH_SHS_OPTIONS, ...options };
    if (o.minPitch > o.maxPitch) {
      throw new RangeError(`minPitch ${o.minPitch} is above maxPitch ${o.maxPitch}`);
    }
    this.candidates = Math.min(20, Math.max(1, o.candidates));
    this.harmonics = o.harmonics;
    this.minPitch = o.minPitch;
    this.maxPitch = o.maxPitch;
    this.voicingCutoff = Math.fround(o.voicingCutoff);
    this.points = spectrum.output.length;
    this.firstLog2 = spectrum.firstLog2;
    this.log2Step = Math.fround(
      Math.fround(spectrum.lastLog2 - spectrum.firstLog2) / Math.fround(this.points - 1),
    );
    this.shifts = new Int32Array(this.harmonics + 1);
    this.scales = new Float32Array(this.harmonics + 1);
    const compression = Math.fround(o.compressionFactor);
    let scale = compression;
    for (let h = 2; h <= this.harmonics; h += 1) {
      this.shifts[h] = Math.floor(spectrum.pointsPerOctave * (Math.log(h) / Math.LN2));
      this.scales[h] = scale;
      scale = Math.fround(scale * compression);
    }
    this.sums = new Float32Array(this.points);
    this.f0 = new Float32Array(this.candidates);
    this.voicing = new Float32Array(this.candidates);
    this.scores = new Float32Array(this.candidates);
    this.peakIndex = new Float64Array(this.candidates);
    this.maxima = new Int32Array(Math.ceil(this.points / 2));
  }

  /** Candidates of the frame whose octave spectrum is `spectrum` (OctaveSpectrum's output). */
  compute(spectrum: Float32Array): void {
    this.subharmonicSum(spectrum);
    this.pickPeaks();
    this.dropOutOfRange();
    this.bestFirst();
    const voiced = (this.voicing[0] as number) > this.voicingCutoff;
    this.f0Raw = voiced ? (this.f0[0] as number) : 0;
    this.voicingClip = voiced ? (this.voicing[0] as number) : 0;
  }

  private subharmonicSum(spectrum: Float32Array): void {
    const { sums, points, shifts, scales } = this;
    const kernels = pitchKernels();
    if (kernels !== null) {
      kernels.subharmonicSum(spectrum, shifts, scales, sums);
    } else {
      sums.set(spectrum);
      for (let h = 2; h <= this.harmonics; h += 1) {
        const shift = shifts[h] as number;
        const scale = scales[h] as number;
        for (let j = shift; j < points; j += 1) {
          sums[j - shift] =
            (sums[j - shift] as number) + Math.fround((spectrum[j] as number) * scale);
        }
      }
    }
    const divisor = this.harmonics;
    for (let j = 0; j < points; j += 1) {
      const value = Math.fround((sums[j] as number) / divisor);
      sums[j] = Math.max(value, 0);
    }
  }

  /** Peaks of the sum, the highest first, refined by a parabola through the peak's 3 points. */
  private pickPeaks(): void {
    const { sums, points, f0, voicing, scores, peakIndex, candidates } = this;
    f0.fill(0);
    voicing.fill(0);
    scores.fill(0);
    // The maxima first, without branches (a maximum every few points makes them a coin toss for
    // the CPU), then their ranking in the order of the axis.
    const { maxima } = this;
    let maximaCount = 0;
    let mean = sums[0] as number;
    let before = sums[0] as number;
    let at = sums[1] as number;
    let i = 1;
    for (; i < points - 1; i += 1) {
      const after = sums[i + 1] as number;
      maxima[maximaCount] = i;
      maximaCount += +(before < at) & +(at > after);
      mean += at;
      before = at;
      at = after;
    }
    mean = (mean + (sums[i] as number)) / points;
    let count = 0;
    for (let m = 0; m < maximaCount; m += 1) {
      const index = maxima[m] as number;
      const value = sums[index] as number;
      for (let slot = 0; slot < candidates; slot += 1) {
        const held = scores[slot] as number;
        if (held === 0 || held < value) {
          for (let k = candidates - 1; k > slot; k -= 1) {
            scores[k] = scores[k - 1] as number;
            peakIndex[k] = peakIndex[k - 1] as number;
          }
          peakIndex[slot] = index;
          scores[slot] = value;
          if (count < candidates) count += 1;
          break;
        }
      }
    }
    const { firstLog2, log2Step } = this;
    for (let c = 0; c < count; c += 1) {
      const j = peakIndex[c] as number;
      const x1 = Math.fround(Math.fround((j - 1) * log2Step) + firstLog2);
      const x2 = Math.fround(Math.fround(j * log2Step) + firstLog2);
      const x3 = Math.fround(Math.fround((j + 1) * log2Step) + firstLog2);
      const peak = this.vertex;
      parabolaVertex(
        x1,
        sums[j - 1] as number,
        x2,
        sums[j] as number,
        x3,
        sums[j + 1] as number,
        peak,
      );
      f0[c] = Math.fround(Math.exp(peak.x * Math.LN2));
      scores[c] = Math.fround(peak.y);
      voicing[c] = peak.y > 0 && peak.y > mean ? Math.fround(1 - mean / peak.y) : 0;
    }
    this.candidateCount = count;
  }

  /** cPitchBase: a candidate outside minPitch..maxPitch is removed and the rest move up. */
  private dropOutOfRange(): void {
    const { f0, voicing, scores, candidates } = this;
    let count = this.candidateCount;
    for (let i = 0; i < candidates && count > 0; i += 1) {
      const frequency = f0[i] as number;
      if (frequency > this.maxPitch || frequency < this.minPitch) {
        for (let j = i + 1; j < candidates; j += 1) {
          f0[j - 1] = f0[j] as number;
          voicing[j - 1] = voicing[j] as number;
          scores[j - 1] = scores[j] as number;
        }
        f0[candidates - 1] = 0;
        voicing[candidates - 1] = 0;
        scores[candidates - 1] = 0;
        if (frequency > 0) {
          count -= 1;
          i -= 1;
        }
      }
    }
    this.candidateCount = count;
  }

  /** cPitchBase: the candidate of the highest score (the first of equals) swaps into slot 0. */
  private bestFirst(): void {
    const { f0, voicing, scores } = this;
    let best = 0;
    for (let i = 1; i < this.candidates; i += 1) {
      if ((scores[i] as number) > (scores[best] as number)) best = i;
    }
    if (best === 0) return;
    swap(f0, 0, best);
    swap(voicing, 0, best);
    swap(scores, 0, best);
  }
}

function swap(values: Float32Array, a: number, b: number): void {
  const held = values[a] as number;
  values[a] = values[b] as number;
  values[b] = held;
}
