// Instantiating the package's WebAssembly SIMD kernels, each compiled from a .wat file beside its
// module and embedded as base64 (its test compiles the text again and compares): null where
// WebAssembly or its SIMD is missing, and the caller keeps its plain loops.

/** The parts of the WebAssembly API used here (the package is typed without DOM or wasm libs). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export const WASM_PAGE_BYTES = 65536;

/** The exports of a new instance of the module, or null where it cannot run. */
export function instantiateSimdModule(bytes: Uint8Array): unknown {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  try {
    if (wasm?.validate(bytes) !== true) return null;
    return new wasm.Instance(new wasm.Module(bytes)).exports;
  } catch {
    return null;
  }
}

export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
