import { describe, expect, it } from "vitest";
import { isEmotionStreamError } from "./errors.js";
import { checkModelSeal, MODEL_SEAL_METADATA_KEY, sealModelFile } from "./model-file-seal.js";

/** A protobuf message shaped like a small ModelProto: ir_version, a graph's bytes, a card entry. */
function modelLikeBytes(): Uint8Array {
  const entry = [0x0a, 4, ...utf8("card"), 0x12, 7, ...utf8('{"a":1}')];
  const graph = Array.from({ length: 40 }, (_, i) => (i * 37) % 256);
  return Uint8Array.from([0x08, 8, 0x3a, graph.length, ...graph, 0x72, entry.length, ...entry]);
}

function utf8(text: string): number[] {
  return Array.from(new TextEncoder().encode(text));
}

async function stateOf(bytes: Uint8Array): Promise<string> {
  try {
    return await checkModelSeal(bytes, "m.onnx");
  } catch (error) {
    return isEmotionStreamError(error, "BAD_MODEL") ? "BAD_MODEL" : String(error);
  }
}

describe("model file seal", () => {
  it("seals a file so that it checks, and reads an unsealed file as it is", async () => {
    const plain = modelLikeBytes();
    expect(await checkModelSeal(plain, "m.onnx")).toBe("unsealed");
    const sealed = await sealModelFile(plain);
    expect(Array.from(sealed.subarray(sealed.length - plain.length))).toEqual(Array.from(plain));
    expect(new TextDecoder().decode(sealed)).toContain(MODEL_SEAL_METADATA_KEY);
    expect(await checkModelSeal(sealed, "m.onnx")).toBe("sealed");
    // Sealing again replaces the seal instead of adding a second one.
    expect(Array.from(await sealModelFile(sealed))).toEqual(Array.from(sealed));
  });

  it("refuses every single-bit flip of the sealed content and its digest, and every truncation", async () => {
    const plain = modelLikeBytes();
    const sealed = await sealModelFile(plain);
    const sealLength = sealed.length - plain.length;
    // The 64 hex digits end the seal record; a flip before them leaves no seal (and the content whole).
    for (let bit = (sealLength - 64) * 8; bit < sealed.length * 8; bit++) {
      const flipped = sealed.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(await stateOf(flipped), `bit ${bit}`).toBe("BAD_MODEL");
    }
    for (let length = sealLength; length < sealed.length; length++) {
      expect(await stateOf(sealed.subarray(0, length)), `length ${length}`).toBe("BAD_MODEL");
    }
  });
});
