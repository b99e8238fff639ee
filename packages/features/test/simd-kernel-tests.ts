// The two tests every WebAssembly SIMD kernel of the package gets (src/wasm/simd-module.ts): the
// bytes embedded in its module are the .wat text beside it, compiled, and Node (which has SIMD)
// runs it, one instance for the process.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { expect, it } from "vitest";
import wabtInit from "wabt";

export interface SimdKernel {
  /** Path of the kernel's .wat text. */
  readonly wat: string;
  /** The module bytes its source embeds. */
  readonly bytes: Uint8Array;
  /** The kernel's getter (null where it cannot run). */
  readonly instance: () => unknown;
}

export function itIsASimdKernel({ wat, bytes, instance }: SimdKernel): void {
  const name = basename(wat);
  it(`is ${name} compiled (the bytes in the source are the text's)`, async () => {
    const wabt = await wabtInit();
    const text = readFileSync(wat, "utf8");
    const { buffer } = wabt.parseWat(name, text, { simd: true }).toBinary({});
    expect(Array.from(bytes)).toEqual(Array.from(buffer));
  });

  it("runs in Node (WebAssembly SIMD), one instance for the process", () => {
    expect(instance()).not.toBeNull();
    expect(instance()).toBe(instance());
  });
}
