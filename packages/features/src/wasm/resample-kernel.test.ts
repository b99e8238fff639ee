import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import wabtInit from "wabt";
import { RESAMPLE8_WASM, resampleKernel } from "./resample-kernel.js";

describe("the cSpecResample WebAssembly kernel", () => {
  it("is resample8.wat compiled (the bytes in the source are the text's)", async () => {
    const wabt = await wabtInit();
    const text = readFileSync(join(import.meta.dirname, "resample8.wat"), "utf8");
    const { buffer } = wabt.parseWat("resample8.wat", text, { simd: true }).toBinary({});
    expect(Array.from(RESAMPLE8_WASM)).toEqual(Array.from(buffer));
  });

  it("runs in Node (WebAssembly SIMD), one instance for the process", () => {
    expect(resampleKernel()).not.toBeNull();
    expect(resampleKernel()).toBe(resampleKernel());
  });
});
