// The eight-chain inner loop of cSpecResample (see spectral-resample.ts) as a WebAssembly SIMD
// kernel: f32x4 multiplies and adds are IEEE float32 operations, so four lanes give the bits of
// four of openSMILE's float chains at once. Compiled from resample8.wat beside this file (the test
// compiles it again and compares); null where WebAssembly SIMD is missing, and the caller keeps its
// plain loop. One instance per process: tables are registered once per frame geometry and the
// scratch rows are shared, since calls never overlap on a thread.
import {
  decodeBase64,
  instantiateSimdModule,
  WASM_PAGE_BYTES,
  type WasmMemory,
} from "./simd-module.js";

const RESAMPLE8_WASM_BASE64 =
  "AGFzbQEAAAABCgFgBn9/f39/fQADAgEABQMBAAEHFgIGbWVtb3J5AgAJcmVzYW1wbGU4AAAKvgEBuwECA38EeyAAKgIA/RMhCgJAA0AgBiAETw0BIAohCyAKIQwgASAGIANsQQJqQQV0aiEIQQIhBwJAA0AgByADTw0BIAAgB0ECdGoqAgD9EyEJIAsgCSAI/QAEAP3mAf3kASELIAwgCSAI/QAEEP3mAf3kASEMIAhBIGohCCAHQQFqIQcMAAsLIAIgBkEFdGogCyAF/RP95wH9CwQAIAIgBkEFdGogDCAF/RP95wH9CwQQIAZBAWohBgwACwsL";

interface ResampleExports {
  readonly memory: WasmMemory;
  readonly resample8: (
    packed: number,
    table: number,
    out: number,
    used: number,
    blocks: number,
    divisor: number,
  ) => void;
}

export const RESAMPLE8_WASM: Uint8Array = decodeBase64(RESAMPLE8_WASM_BASE64);

const FLOAT_BYTES = 4;

export class ResampleKernel {
  private readonly exports: ResampleExports;
  private readonly tables = new Map<string, number>();
  private used = 0;
  private scratch = { offset: 0, floats: 0 };
  private buffer: ArrayBuffer | null = null;
  private floats = new Float32Array(0);

  constructor(exports: ResampleExports) {
    this.exports = exports;
  }

  /** The byte offset of the table under `key`, filled by `fill` the first time. */
  table(key: string, floats: number, fill: (target: Float32Array) => void): number {
    const known = this.tables.get(key);
    if (known !== undefined) return known;
    const offset = this.allocate(floats);
    fill(this.view(offset, floats));
    this.tables.set(key, offset);
    return offset;
  }

  /**
   * out[8b + s] for b < blocks, from `packed` (its first `used` values) and a table registered
   * with `table`: copies in, runs the kernel, copies the outputs to `out`.
   */
  run(
    table: number,
    packed: Float32Array,
    used: number,
    blocks: number,
    divisor: number,
    out: Float32Array,
  ): void {
    const outputs = blocks * 8;
    const scratch = this.scratchFor(used + outputs);
    this.view(scratch, used).set(packed.subarray(0, used));
    const outOffset = scratch + used * FLOAT_BYTES;
    this.exports.resample8(scratch, table, outOffset, used, blocks, divisor);
    out.set(this.view(outOffset, outputs));
  }

  private scratchFor(floats: number): number {
    if (this.scratch.floats < floats) this.scratch = { offset: this.allocate(floats + 4), floats };
    return this.scratch.offset;
  }

  /** Byte offset of `floats` new float32 values, 16-byte aligned; grows the memory as needed. */
  private allocate(floats: number): number {
    const offset = Math.ceil(this.used / 16) * 16;
    this.used = offset + floats * FLOAT_BYTES;
    const { memory } = this.exports;
    const missing = this.used - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
    return offset;
  }

  private view(offset: number, floats: number): Float32Array {
    const { buffer } = this.exports.memory;
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.floats = new Float32Array(buffer);
    }
    return this.floats.subarray(offset / FLOAT_BYTES, offset / FLOAT_BYTES + floats);
  }
}

let kernel: ResampleKernel | null | undefined;

/** The process's kernel, or null where WebAssembly SIMD is not available. */
export function resampleKernel(): ResampleKernel | null {
  if (kernel !== undefined) return kernel;
  const exports = instantiateSimdModule(RESAMPLE8_WASM);
  kernel = exports === null ? null : new ResampleKernel(exports as ResampleExports);
  return kernel;
}
