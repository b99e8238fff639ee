// openSMILE's cMfcc: log mel energies (floored), DCT-II with sqrt(2/M) scaling, sinusoidal
// cepstral liftering, in float32 as openSMILE computes them. Its quirks, kept:
// - the floor is `melfloor` (default 1e-8) and is forced to 1.0 when htkcompatible = 1, so digital
//   silence gives c0 = 26 x ln(1e-8) x sqrt(2/26) = -132.8334 (htkcompatible 0) or exactly 0;
// - htkcompatible = 1 with firstMfcc = 0 writes c0 last (c1..c12, c0), HTK's MFCC_0 order.
const f = Math.fround;

export interface MfccOptions {
  readonly nBands: number;
  readonly firstMfcc: number;
  readonly lastMfcc: number;
  /** 0 disables liftering. */
  readonly cepLifter: number;
  readonly htkcompatible: boolean;
  /** Floor for the mel energies before the log (ignored, i.e. 1.0, when htkcompatible). */
  readonly melfloor?: number;
}

export class Mfcc {
  readonly dimension: number;
  private readonly nBands: number;
  private readonly logFloor: number;
  private readonly floor: number;
  private readonly logBands: Float32Array;
  /** Row j: DCT basis of the coefficient written at output position j. */
  private readonly basis: Float32Array;
  /** Per output position: lifter weight x sqrt(2/M), as one float32 factor. */
  private readonly gains: Float32Array;

  constructor(options: MfccOptions) {
    const { nBands, firstMfcc, lastMfcc, cepLifter } = options;
    this.nBands = nBands;
    this.dimension = lastMfcc - firstMfcc + 1;
    this.floor = options.htkcompatible ? 1 : f(options.melfloor ?? 1e-8);
    this.logFloor = f(Math.log(this.floor));
    this.logBands = new Float32Array(nBands);
    this.basis = new Float32Array(this.dimension * nBands);
    this.gains = new Float32Array(this.dimension);
    const factor = f(Math.sqrt(2 / nBands));
    for (let position = 0; position < this.dimension; position += 1) {
      const c = coefficientAt(position, options);
      for (let m = 0; m < nBands; m += 1) {
        this.basis[position * nBands + m] = Math.cos(Math.PI * (c / nBands) * (m + 0.5));
      }
      this.gains[position] = f(lifterWeight(c, cepLifter) * factor);
    }
  }

  /** Cepstral coefficients of `bands` (length nBands) into `out` from `outOffset`. */
  compute(bands: Float32Array, out: Float32Array, outOffset: number): void {
    const { nBands, logBands, basis, gains } = this;
    for (let m = 0; m < nBands; m += 1) {
      const energy = bands[m] ?? 0;
      logBands[m] = energy < this.floor ? this.logFloor : Math.log(energy);
    }
    // Each coefficient is a chain of float32-rounded additions in openSMILE's order (band 0 up);
    // two chains advance side by side so their latencies overlap.
    const dimension = this.dimension;
    let position = 0;
    for (; position + 1 < dimension; position += 2) {
      const row = position * nBands;
      let first = 0;
      let second = 0;
      for (let m = 0; m < nBands; m += 1) {
        const value = logBands[m] as number;
        first = f(first + f(value * (basis[row + m] as number)));
        second = f(second + f(value * (basis[row + nBands + m] as number)));
      }
      out[outOffset + position] = first * (gains[position] as number);
      out[outOffset + position + 1] = second * (gains[position + 1] as number);
    }
    if (position < dimension) {
      const row = position * nBands;
      let sum = 0;
      for (let m = 0; m < nBands; m += 1) {
        sum = f(sum + f((logBands[m] as number) * (basis[row + m] as number)));
      }
      out[outOffset + position] = sum * (gains[position] as number);
    }
  }
}

/** Which cepstral coefficient goes to output `position` (HTK order puts c0 last). */
function coefficientAt(position: number, options: MfccOptions): number {
  const { firstMfcc, lastMfcc, htkcompatible } = options;
  if (htkcompatible && firstMfcc === 0) return position === lastMfcc ? 0 : position + 1;
  return firstMfcc + position;
}

/** 1 + L/2 sin(pi c / L) in float32, openSMILE's sintable. */
function lifterWeight(c: number, cepLifter: number): number {
  if (cepLifter <= 0) return 1;
  const lifter = f(cepLifter);
  const angle = f(f(f(Math.PI) * c) / lifter);
  return f(1 + f(f(lifter / 2) * f(Math.sin(angle))));
}
