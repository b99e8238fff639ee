import { join } from "node:path";
import { describe } from "vitest";
import { itIsASimdKernel } from "../../test/simd-kernel-tests.js";
import { RESAMPLE8_WASM, resampleKernel } from "./resample-kernel.js";

describe("the cSpecResample WebAssembly kernel", () => {
  itIsASimdKernel({
    wat: join(import.meta.dirname, "resample8.wat"),
    bytes: RESAMPLE8_WASM,
    instance: resampleKernel,
  });
});
