import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrownCode } from "../../test/thrown-code.js";
import {
  BINARY_HEADER_BYTES,
  type BinaryFramesInput,
  binaryFrameSlot,
  decodeBinaryFrames,
  encodeBinaryFrames,
} from "./binary-frames.js";

const framesInput: fc.Arbitrary<BinaryFramesInput> = fc
  .record({
    slot: fc.integer({ min: 0, max: 0xffff }),
    dimension: fc.integer({ min: 1, max: 48 }),
    frameCount: fc.integer({ min: 0, max: 12 }),
    kind: fc.constantFrom("features", "f32le", "s16le"),
  })
  .chain(({ slot, dimension, frameCount, kind }): fc.Arbitrary<BinaryFramesInput> => {
    const length = dimension * frameCount;
    if (kind === "s16le") {
      return fc
        .array(fc.integer({ min: -32768, max: 32767 }), { minLength: length, maxLength: length })
        .map((values) => ({ kind, slot, dimension, values: Int16Array.from(values) }));
    }
    return fc
      .float32Array({ minLength: length, maxLength: length, noNaN: true, noDefaultInfinity: true })
      .map((values) => ({ kind, slot, dimension, values }));
  });

/** The encoded bytes copied to `offset` inside a larger buffer, as a socket library may hand them over. */
function atOffset(bytes: Uint8Array, offset: number): Uint8Array {
  const host = new Uint8Array(bytes.byteLength + offset);
  host.set(bytes, offset);
  return host.subarray(offset);
}

describe("binary frames", () => {
  it("decodes exactly what was encoded, at any byte offset", () => {
    fc.assert(
      fc.property(framesInput, fc.integer({ min: 0, max: 7 }), (input, offset) => {
        const decoded = decodeBinaryFrames(atOffset(encodeBinaryFrames(input), offset));
        expect(decoded.kind).toBe(input.kind);
        expect(decoded.slot).toBe(input.slot);
        expect(decoded.dimension).toBe(input.dimension);
        expect(decoded.frameCount).toBe(input.values.length / input.dimension);
        expect(Array.from(decoded.values)).toEqual(Array.from(input.values));
      }),
    );
  });

  it("writes a little-endian header and payload", () => {
    const bytes = encodeBinaryFrames({
      kind: "features",
      slot: 258,
      dimension: 2,
      values: Float32Array.of(1, -2),
    });
    expect(Array.from(bytes.subarray(0, BINARY_HEADER_BYTES))).toEqual([
      0x45, 0x53, 1, 0, 2, 1, 2, 0, 1, 0, 0, 0,
    ]);
    expect(Array.from(bytes.subarray(BINARY_HEADER_BYTES))).toEqual([
      0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0,
    ]);
  });

  it("refuses any truncation or extension of the payload as a partial frame", () => {
    fc.assert(
      fc.property(
        framesInput.filter((input) => input.values.length > 0),
        fc.integer({ min: -64, max: 64 }).filter((delta) => delta !== 0),
        (input, delta) => {
          const bytes = encodeBinaryFrames(input);
          const length = Math.max(BINARY_HEADER_BYTES, bytes.byteLength + delta);
          fc.pre(length !== bytes.byteLength);
          const changed = new Uint8Array(length);
          changed.set(bytes.subarray(0, Math.min(length, bytes.byteLength)));
          expect(thrownCode(() => decodeBinaryFrames(changed))).toBe("PARTIAL_FRAME");
        },
      ),
    );
  });

  it("refuses messages shorter than the header, with a wrong magic, kind or zero dimension", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: BINARY_HEADER_BYTES - 1 }), (bytes) => {
        expect(thrownCode(() => decodeBinaryFrames(bytes))).toBe("BAD_BINARY_FRAME");
      }),
    );
    const good = encodeBinaryFrames({
      kind: "features",
      slot: 0,
      dimension: 1,
      values: Float32Array.of(0),
    });
    const withByte = (index: number, value: number) => {
      const copy = good.slice();
      copy[index] = value;
      return copy;
    };
    expect(thrownCode(() => decodeBinaryFrames(withByte(0, 0x46)))).toBe("BAD_BINARY_FRAME");
    expect(thrownCode(() => decodeBinaryFrames(withByte(3, 3)))).toBe("BAD_BINARY_FRAME");
    expect(thrownCode(() => decodeBinaryFrames(withByte(6, 0)))).toBe("BAD_BINARY_FRAME");
    expect(thrownCode(() => decodeBinaryFrames(withByte(2, 2)))).toBe("UNSUPPORTED_FORMAT_VERSION");
  });

  it("refuses a NaN or infinite float anywhere in the payload", () => {
    fc.assert(
      fc.property(
        framesInput.filter((input) => input.kind !== "s16le" && input.values.length > 0),
        fc.nat(),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        (input, position, bad) => {
          const values = Float32Array.from(input.values);
          values[position % values.length] = bad;
          const bytes = encodeBinaryFrames({ ...input, values } as BinaryFramesInput);
          expect(thrownCode(() => decodeBinaryFrames(bytes))).toBe("NON_FINITE_VALUE");
        },
      ),
    );
  });

  it("names the slot of a message whose payload is bad, when its header has the magic", () => {
    const bytes = encodeBinaryFrames({
      kind: "features",
      slot: 513,
      dimension: 1,
      values: Float32Array.of(1),
    });
    expect(binaryFrameSlot(bytes.subarray(0, 7))).toBe(513);
    expect(binaryFrameSlot(Uint8Array.of(1, 2, 3, 4, 5, 6))).toBeUndefined();
  });

  it("refuses to encode values that are not whole frames, or a slot outside u16", () => {
    expect(
      thrownCode(() =>
        encodeBinaryFrames({
          kind: "features",
          slot: 0,
          dimension: 3,
          values: new Float32Array(4),
        }),
      ),
    ).toBe("PARTIAL_FRAME");
    expect(
      thrownCode(() =>
        encodeBinaryFrames({
          kind: "features",
          slot: 70000,
          dimension: 1,
          values: new Float32Array(1),
        }),
      ),
    ).toBe("BAD_BINARY_FRAME");
  });
});
