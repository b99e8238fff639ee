import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeHeader,
  decodeRecord,
  encodeHeader,
  encodeRecord,
  FEATURE_FILE_VERSION,
} from "./feature-file-format.js";

describe("feature cache file format", () => {
  it("round-trips any matrix of 32-bit floats exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.float({ noNaN: true }), { maxLength: 200 }),
        (dimension, values) => {
          const frames = Math.floor(values.length / dimension);
          const data = Float32Array.from(values.slice(0, frames * dimension));
          const decoded = decodeRecord(
            encodeRecord({ frames, dimension, data }),
            frames,
            dimension,
            "f",
          );
          expect(decoded).toEqual({ frames, dimension, data });
        },
      ),
    );
  });

  it("round-trips the header and checks magic and version", () => {
    const header = encodeHeader(13, 1399);
    expect(decodeHeader(header, "f")).toEqual({
      version: FEATURE_FILE_VERSION,
      dimension: 13,
      records: 1399,
    });
    const badMagic = Uint8Array.from(header);
    badMagic[1] = 0x21;
    expect(() => decodeHeader(badMagic, "f")).toThrow(
      expect.objectContaining({ code: "BAD_CACHE" }),
    );
    const newer = Uint8Array.from(header);
    new DataView(newer.buffer).setUint32(8, FEATURE_FILE_VERSION + 1, true);
    expect(() => decodeHeader(newer, "f")).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_FORMAT_VERSION" }),
    );
  });

  it("decodes a record at any byte offset of a larger buffer", () => {
    const data = Float32Array.from([1.5, -2, 3.25, 4]);
    const record = encodeRecord({ frames: 2, dimension: 2, data });
    for (const shift of [0, 1, 2, 4]) {
      const buffer = new Uint8Array(record.length + 8);
      buffer.set(record, shift);
      const decoded = decodeRecord(buffer.subarray(shift, shift + record.length), 2, 2, "f");
      expect(Array.from(decoded.data)).toEqual(Array.from(data));
    }
  });

  it("refuses a record whose frame count is not the index's", () => {
    const record = encodeRecord({ frames: 2, dimension: 1, data: Float32Array.from([1, 2]) });
    expect(() => decodeRecord(record, 3, 1, "f")).toThrow(
      expect.objectContaining({ code: "BAD_CACHE" }),
    );
  });
});
