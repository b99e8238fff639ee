// openSMILE's cPitchSmootherViterbi (its cSmileViterbi and cSmileViterbiPitchSmooth) as GeMAPS and
// ComParE 2016 configure it: a Viterbi search over the F0 candidates of each frame plus one
// "unvoiced" state, run incrementally over a trellis of bufferLength frames (GeMAPS 40, ComParE 30).
// A frame's state is decided as soon as all surviving paths agree on it, or forced from the
// cheapest path once it is bufferLength frames behind the input, and at the end of input every
// undecided frame takes the cheapest path's state. openSMILE's result depends only on the sequence
// of frames, not on when its output is read, so this class decides exactly as it does and hands
// frame n out once frame n + bufferLength - 1 has arrived (or at `end`).
//
// openSMILE quirks reproduced: setWeights stores wTvv in wTvvd (wTvvd = 5 is ignored); the
// unvoiced-unvoiced test `i == j == nStates - 1` never holds, so that transition costs 1, not wTuu;
// `lastChange` of the delta-continuity term is one value shared by all transitions in the order
// they are evaluated (current state, then previous state), carried across frames.
import { EmotionStreamError } from "@emotion-stream/core";

export interface PitchViterbiWeights {
  readonly wLocal: number;
  readonly wTvv: number;
  readonly wTvvd: number;
  readonly wTvuv: number;
  readonly wThr: number;
  readonly wRange: number;
  readonly wTuu: number;
}

export const GEMAPS_VITERBI_WEIGHTS: PitchViterbiWeights = {
  wTvv: 10,
  wTvvd: 5,
  wTvuv: 10,
  wThr: 4,
  wTuu: 0,
  wLocal: 2,
  wRange: 1,
};

export interface PitchViterbiSmootherOptions {
  /** F0 candidates per frame (cPitchShs nCandidates). */
  readonly candidates: number;
  /** The voicing threshold (cPitchBase's voicingCutoff as float32). */
  readonly voicingThreshold: number;
  /** Frames in the trellis (bufferLength). */
  readonly bufferLength?: number;
  readonly weights?: PitchViterbiWeights;
  /** Whether the output has F0finalLog between F0final and the voicing (GeMAPS: yes). */
  readonly f0FinalLog?: boolean;
}

const LOG_2_FLOAT = Math.fround(Math.LN2);

/**
 * Semitones above 27.5 Hz as cPitchSmootherViterbi's F0finalLog: 1 up to 29.136 Hz, 0 unvoiced.
 * Its float arguments pick C++'s float overload of log, so every step rounds to float32.
 */
export function semitonesFrom27_5Hz(f0: number): number {
  if (f0 > 29.136) {
    const log = Math.fround(Math.log(Math.fround(f0 / 27.5)));
    return Math.fround(Math.fround(12 * log) / LOG_2_FLOAT);
  }
  return f0 > 0 ? 1 : 0;
}

export class PitchViterbiSmoother {
  /**
   * Frames between a frame's arrival and its output: frame n is output once frame
   * n + delay has been pushed (bufferLength - 1, when openSMILE forces the decision at the latest).
   */
  readonly delay: number;
  /**
   * F0final (Hz, 0 unvoiced), F0finalLog (if enabled) and voicingFinalUnclipped of the frame last
   * taken.
   */
  readonly output: Float32Array;
  private readonly f0FinalLog: boolean;
  private readonly candidates: number;
  private readonly states: number;
  private readonly bufferLength: number;
  private readonly threshold: number;
  private readonly w: PitchViterbiWeights;
  /** The last bufferLength frames: per frame f0 and voicing of each candidate, interleaved. */
  private readonly frames: Float32Array;
  /** Per state, its best path's states for the last bufferLength frames (two buffers). */
  private paths: Int32Array;
  private nextPaths: Int32Array;
  private pathCosts: Float64Array;
  private nextPathCosts: Float64Array;
  private readonly bestPath: Int32Array;
  private lastChange = 1;
  /** Frames pushed (openSMILE's pathIdx and wrIdx), decided up to (convIdx) and taken (rdIdx). */
  private received = 0;
  private decided = -1;
  private taken = 0;
  private ended = false;

  constructor(options: PitchViterbiSmootherOptions) {
    this.candidates = options.candidates;
    this.states = options.candidates + 1;
    this.bufferLength = options.bufferLength ?? 40;
    if (!Number.isInteger(this.bufferLength) || this.bufferLength < 1) {
      throw new RangeError(`bufferLength must be a positive integer, got ${this.bufferLength}`);
    }
    this.delay = this.bufferLength - 1;
    this.threshold = options.voicingThreshold;
    // cSmileViterbiPitchSmooth::setWeights assigns tvv to wTvvd.
    const weights = options.weights ?? GEMAPS_VITERBI_WEIGHTS;
    this.w = { ...weights, wTvvd: weights.wTvv };
    this.frames = new Float32Array(this.bufferLength * 2 * this.candidates);
    this.paths = new Int32Array(this.states * this.bufferLength);
    this.nextPaths = new Int32Array(this.states * this.bufferLength);
    this.pathCosts = new Float64Array(this.states);
    this.nextPathCosts = new Float64Array(this.states);
    this.bestPath = new Int32Array(this.bufferLength);
    this.f0FinalLog = options.f0FinalLog ?? true;
    this.output = new Float32Array(this.f0FinalLog ? 3 : 2);
  }

  /**
   * Adds the next frame's candidates (`f0` in Hz, 0 for none, and their `voicing`). Every output
   * that is due (`hasOutput`) must be taken first: the frame would overwrite its slot.
   */
  push(f0: Float32Array, voicing: Float32Array): void {
    const { candidates, bufferLength } = this;
    if (this.ended) {
      throw new EmotionStreamError("STREAM_ENDED", "pitch frame pushed after end of input");
    }
    if (this.received - this.taken >= bufferLength) {
      throw new EmotionStreamError(
        "INTERNAL_ERROR",
        "pitch output not taken before the next frame",
        {
          expected: this.taken + this.delay,
          received: this.received,
        },
      );
    }
    const slot = (this.received % bufferLength) * 2 * candidates;
    for (let c = 0; c < candidates; c += 1) {
      this.frames[slot + 2 * c] = f0[c] as number;
      this.frames[slot + 2 * c + 1] = voicing[c] as number;
    }
    if (this.received === 0) this.initialise(slot);
    else this.step(slot);
    this.received += 1;
    if (this.received - this.decided > bufferLength) {
      this.decided += 1;
      const column = this.decided % bufferLength;
      this.bestPath[column] = this.paths[this.cheapestState() * bufferLength + column] as number;
    } else {
      this.decideMerged();
    }
  }

  /**
   * Frames decided so far: where all surviving paths agree, or forced bufferLength frames behind.
   * openSMILE writes a frame when it is decided, so before the end of input this is the number of
   * frames its later components have already seen (its functionals, jitter and smoothing depend
   * on it).
   */
  get decidedFrames(): number {
    return this.decided + 1;
  }

  /** No more frames: the undecided ones follow the cheapest path. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const best = this.cheapestState();
    while (this.decided < this.received - 1) {
      this.decided += 1;
      const column = this.decided % this.bufferLength;
      this.bestPath[column] = this.paths[best * this.bufferLength + column] as number;
    }
  }

  /** Whether the next frame's output is due (the fixed delay has passed, or the input ended). */
  hasOutput(): boolean {
    return this.ended ? this.taken < this.received : this.taken + this.delay < this.received;
  }

  /** Writes the next frame's F0final, F0finalLog (if enabled) and voicing into `output`. */
  takeOutput(): void {
    const { output } = this;
    const column = this.taken % this.bufferLength;
    const state = this.bestPath[column] as number;
    const frame = column * 2 * this.candidates;
    const voiced = state < this.candidates;
    const f0 = voiced ? (this.frames[frame + 2 * state] as number) : 0;
    output[0] = f0;
    if (this.f0FinalLog) output[1] = semitonesFrom27_5Hz(f0);
    // Unvoiced frames report the first (best scored) candidate's voicing.
    output[output.length - 1] = this.frames[frame + (voiced ? 2 * state + 1 : 1)] as number;
    this.taken += 1;
  }

  /** Forgets all frames, as a new instance. */
  reset(): void {
    this.received = 0;
    this.decided = -1;
    this.taken = 0;
    this.ended = false;
    this.lastChange = 1;
  }

  private initialise(slot: number): void {
    for (let s = 0; s < this.states; s += 1) {
      this.pathCosts[s] = this.localCost(s, slot);
      this.paths[s * this.bufferLength] = s;
    }
  }

  private step(slot: number): void {
    const { states, bufferLength, paths, nextPaths, pathCosts, nextPathCosts } = this;
    const previous = ((this.received - 1) % bufferLength) * 2 * this.candidates;
    const column = this.received % bufferLength;
    for (let s = 0; s < states; s += 1) {
      let from = 0;
      let cost = this.transitionCost(s, 0, previous, slot) + (pathCosts[0] as number);
      for (let p = 1; p < states; p += 1) {
        const candidate = this.transitionCost(s, p, previous, slot) + (pathCosts[p] as number);
        if (candidate < cost) {
          from = p;
          cost = candidate;
        }
      }
      nextPathCosts[s] = cost + this.localCost(s, slot);
      const source = from * bufferLength;
      const target = s * bufferLength;
      for (let k = 0; k < bufferLength; k += 1) nextPaths[target + k] = paths[source + k] as number;
      nextPaths[target + column] = s;
    }
    this.pathCosts = nextPathCosts;
    this.nextPathCosts = pathCosts;
    this.paths = nextPaths;
    this.nextPaths = paths;
  }

  /** Frames from the oldest undecided on where every state's path agrees become decided. */
  private decideMerged(): void {
    const { paths, bufferLength, states } = this;
    for (let n = this.decided + 1; n < this.received; n += 1) {
      const column = n % bufferLength;
      const state = paths[column] as number;
      for (let s = 1; s < states; s += 1) {
        if (paths[s * bufferLength + column] !== state) return;
      }
      this.decided += 1;
      this.bestPath[this.decided % bufferLength] = state;
    }
  }

  private cheapestState(): number {
    let best = 0;
    for (let s = 1; s < this.states; s += 1) {
      if ((this.pathCosts[s] as number) < (this.pathCosts[best] as number)) best = s;
    }
    return best;
  }

  private localCost(state: number, slot: number): number {
    const { frames, threshold, w } = this;
    if (state < this.candidates) {
      let pv = frames[slot + 2 * state + 1] as number;
      if (pv < 0.01) pv = 0.01;
      if (pv > 1) pv = 1;
      const bias = pv < threshold ? w.wThr : 0;
      return (
        (-Math.log(pv) + bias) * w.wLocal +
        rangeWeight(frames[slot + 2 * state] as number) * w.wRange
      );
    }
    for (let c = 0; c < this.candidates; c += 1) {
      if ((frames[slot + 2 * c + 1] as number) >= threshold) return w.wLocal * w.wThr;
    }
    return 0;
  }

  /** From state `from` of the previous frame to state `to` of the current one. */
  private transitionCost(to: number, from: number, previous: number, current: number): number {
    const unvoiced = this.candidates;
    if (to < unvoiced && from < unvoiced) {
      const f0 = this.frames[previous + 2 * from] as number;
      const f1 = this.frames[current + 2 * to] as number;
      if (f0 === 0 || f1 === 0) return 999;
      const r = Math.log(Math.fround(f1 / f0));
      const cost = this.w.wTvv * Math.abs(r) + this.w.wTvvd * Math.abs(r - this.lastChange);
      this.lastChange = r;
      return cost;
    }
    if (to === unvoiced && from === unvoiced) return 1;
    this.lastChange = 0;
    return this.w.wTvuv;
  }
}

/** cSmileViterbiPitchSmooth::getFweight: the cost of F0 outside 100..350 Hz (2 for none). */
function rangeWeight(f: number): number {
  if (f > 0 && f < 100) return -(1 / 100) * f + 1;
  if (f >= 100 && f < 350) return 0;
  if (f >= 350 && f < 600) return (f - 350) / 250;
  if (f >= 600) return 1.2;
  if (f <= 0) return 2;
  return 0;
}
