// cPitchJitter's period correlations (see period-correlations.ts) and cPitchShs's subharmonic sum
// (see pitch-shs.ts) as WebAssembly SIMD kernels, compiled from pitch-kernels.wat beside this file:
// f64x2 and f32x4 operations are IEEE double and float32 operations, so each lane gives the bits
// of one of the plain loops' chains. One instance per process, its memory a scratch the calls
// share (they never overlap on a thread): inputs are copied in, results out.
import { copyValues } from "../copy-values.js";
import {
  decodeBase64,
  instantiateSimdModule,
  WASM_PAGE_BYTES,
  type WasmMemory,
} from "./simd-module.js";

const PITCH_KERNELS_WASM_BASE64 =
  "AGFzbQEAAAABEQJgBH9/f38AYAZ/f39/f38AAwMCAAEFAwEAAQcvAwZtZW1vcnkCABFjcm9zc0NvcnJlbGF0aW9ucwAADnN1Ymhhcm1vbmljU3VtAAEK6goChQkDBX8FfBl7AkADQCAEIAFPDQEgCSAAIARBAnRqKgIAu6AhCSAEQQFqIQQMAAsLIAEhBSADIQgCQANAIAUgAksNASAAIAVBAnRqIQYgBUEDaiEHIAkhCiAKIAYqAgC7oCELIAsgBioCBLugIQwgDCAGKgIIu6AhDSANIAYqAgy7oCEJIAW4/RQgBUEBarj9IgEhDiAORAAAAAAAAABA/RT98AEhDyAK/RQgC/0iASAO/fMBIREgDP0UIA39IgEgD/3zASES/QwAAAAAAAAAAAAAAAAAAAAAIRX9DAAAAAAAAAAAAAAAAAAAAAAhFkEAIQQCQANAIAQgBU8NASAGIARBAnRq/QAEACEXIBUgF/1f/fABIRUgFiAXIBf9DQgJCgsMDQ4PAAECAwQFBgf9X/3wASEWIARBAWohBAwACwsCQANAIAQgB08NASAGIARBAnRq/QAEACEXIAQgBWut/RIhEP0MAAAAAAAAAAABAAAAAAAAACAQ/dkBIRv9DAIAAAAAAAAAAwAAAAAAAAAgEP3ZASEcIBUgF/1fIBv9Tv3wASEVIBYgFyAX/Q0ICQoLDA0ODwABAgMEBQYH/V8gHP1O/fABIRYgBEEBaiEEDAALCyAVIA798wEhEyAWIA/98wEhFP0MAAAAAAAAAAAAAAAAAAAAACEh/QwAAAAAAAAAAAAAAAAAAAAAISL9DAAAAAAAAAAAAAAAAAAAAAAhI/0MAAAAAAAAAAAAAAAAAAAAACEk/QwAAAAAAAAAAAAAAAAAAAAAISX9DAAAAAAAAAAAAAAAAAAAAAAhJkEAIQQCQANAIAQgBU8NASAAIARBAnRqKgIAu/0UIRogBiAEQQJ0av0ABAAhFyAX/V8hGCAXIBf9DQgJCgsMDQ4PAAECAwQFBgf9XyEZIBogEf3xASEdIBogEv3xASEeIBggE/3xASEfIBkgFP3xASEgICEgHSAf/fIB/fABISEgIiAeICD98gH98AEhIiAjIB0gHf3yAf3wASEjICQgHiAe/fIB/fABISQgJSAfIB/98gH98AEhJSAmICAgIP3yAf3wASEmIARBAWohBAwACwsCQANAIAQgB08NASAAIARBAnRqKgIAu/0UIRogBiAEQQJ0av0ABAAhFyAX/V8hGCAXIBf9DQgJCgsMDQ4PAAECAwQFBgf9XyEZIAQgBWut/RIhEP0MAAAAAAAAAAABAAAAAAAAACAQ/dkBIRv9DAIAAAAAAAAAAwAAAAAAAAAgEP3ZASEcIBogEf3xASAb/U4hHSAaIBL98QEgHP1OIR4gGCAT/fEBIBv9TiEfIBkgFP3xASAc/U4hICAhIB0gH/3yAf3wASEhICIgHiAg/fIB/fABISIgIyAdIB398gH98AEhIyAkIB4gHv3yAf3wASEkICUgHyAf/fIB/fABISUgJiAgICD98gH98AEhJiAEQQFqIQQMAAsLIAggISAj/e8BICX97wH98gH98wH9CwQAIAggIiAk/e8BICb97wH98gH98wH9CwQQIAhBIGohCCAFQQRqIQUMAAsLC+ABAwZ/AX0BeyABIAAgAkECdPwKAABBAiEGAkADQCAGIAVLDQEgAyAGQQJ0aigCACELIAIgC2shCCAAIAtBAnRqIQkgBCAGQQJ0aioCACEMIAz9EyENQQAhBwJAA0AgB0EEaiAISg0BIAEgB0ECdGohCiAKIAr9AAQAIAkgB0ECdGr9AAQAIA395gH95AH9CwQAIAdBBGohBwwACwsCQANAIAcgCE4NASABIAdBAnRqIQogCiAKKgIAIAkgB0ECdGoqAgAgDJSSOAIAIAdBAWohBwwACwsgBkEBaiEGDAALCws=";

export const PITCH_KERNELS_WASM: Uint8Array = decodeBase64(PITCH_KERNELS_WASM_BASE64);

interface PitchKernelExports {
  readonly memory: WasmMemory;
  readonly crossCorrelations: (x: number, shortest: number, longest: number, cc: number) => void;
  readonly subharmonicSum: (
    spectrum: number,
    sums: number,
    points: number,
    shifts: number,
    scales: number,
    harmonics: number,
  ) => void;
}

const FLOAT_BYTES = 4;
const DOUBLE_BYTES = 8;
/** Lengths the correlation kernel takes at a time. */
const LENGTH_GROUP = 4;

export class PitchKernels {
  private readonly exports: PitchKernelExports;
  private buffer: ArrayBuffer | null = null;
  private floats = new Float32Array(0);
  private doubles = new Float64Array(0);
  private integers = new Int32Array(0);

  constructor(exports: PitchKernelExports) {
    this.exports = exports;
  }

  /**
   * periodCorrelations (see period-correlations.ts): cc[k] for the lengths shortest + k up to
   * longest, from the samples of `x` from `at` (those past its end read as 0, for the lanes
   * dropped).
   */
  crossCorrelations(
    x: Float32Array,
    at: number,
    shortest: number,
    longest: number,
    cc: Float64Array,
  ): void {
    const lengths = longest - shortest + 1;
    // The last group's fourth lane reads 2 (longest + 3) samples.
    const samples = align(2 * (longest + LENGTH_GROUP - 1), 4);
    const ccOffset = samples * FLOAT_BYTES;
    this.reserve(ccOffset + align(lengths, LENGTH_GROUP) * DOUBLE_BYTES);
    const { floats, doubles } = this;
    copyValues(x, at, floats, 0, Math.min(samples, x.length - at));
    floats.fill(0, Math.max(0, x.length - at), samples);
    this.exports.crossCorrelations(0, shortest, longest, ccOffset);
    const first = ccOffset / DOUBLE_BYTES;
    for (let k = 0; k < lengths; k += 1) cc[k] = doubles[first + k] as number;
  }

  /**
   * cPitchShs's sums before their division: sums[m] = spectrum[m] plus, for h = 2 .. harmonics in
   * order, scales[h] · spectrum[m + shifts[h]] where that point exists, float32 throughout.
   */
  subharmonicSum(
    spectrum: Float32Array,
    shifts: Int32Array,
    scales: Float32Array,
    sums: Float32Array,
  ): void {
    const points = spectrum.length;
    const tables = shifts.length;
    const sumsStart = align(points, 4);
    const shiftsStart = 2 * sumsStart;
    const scalesStart = shiftsStart + align(tables, 4);
    this.reserve((scalesStart + tables) * FLOAT_BYTES);
    const { floats, integers } = this;
    floats.set(spectrum);
    integers.set(shifts, shiftsStart);
    floats.set(scales, scalesStart);
    this.exports.subharmonicSum(
      0,
      sumsStart * FLOAT_BYTES,
      points,
      shiftsStart * FLOAT_BYTES,
      scalesStart * FLOAT_BYTES,
      tables - 1,
    );
    copyValues(floats, sumsStart, sums, 0, points);
  }

  /** Grows the memory to at least `bytes` and renews the views when its buffer changed. */
  private reserve(bytes: number): void {
    const { memory } = this.exports;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
    if (memory.buffer !== this.buffer) {
      this.buffer = memory.buffer;
      this.floats = new Float32Array(memory.buffer);
      this.doubles = new Float64Array(memory.buffer);
      this.integers = new Int32Array(memory.buffer);
    }
  }
}

function align(count: number, multiple: number): number {
  return Math.ceil(count / multiple) * multiple;
}

let kernels: PitchKernels | null | undefined;

/** The process's kernels, or null where WebAssembly SIMD is not available. */
export function pitchKernels(): PitchKernels | null {
  if (kernels === undefined) {
    const exports = instantiateSimdModule(PITCH_KERNELS_WASM);
    kernels = exports === null ? null : new PitchKernels(exports as PitchKernelExports);
  }
  return kernels;
}
