// The feature cache's binary data file: a 24-byte header (magic "ESFEATS\0", format version,
// frame dimension, record count; little-endian uint32s) then one record per utterance: a uint32
// frame count and frames x dimension float32 values. The index (JSON) holds each record's offset;
// the reader checks the magic, the version and every record's frame count against the index.
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";

export const FEATURE_FILE_MAGIC = "ESFEATS\0";
/** Bump on any change of layout; readers refuse other versions. */
export const FEATURE_FILE_VERSION = 1;
export const HEADER_BYTES = 24;
const RECORD_HEADER_BYTES = 4;
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export interface FeatureFileHeader {
  readonly version: number;
  readonly dimension: number;
  readonly records: number;
}

export function encodeHeader(dimension: number, records: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  bytes.set(new TextEncoder().encode(FEATURE_FILE_MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, FEATURE_FILE_VERSION, true);
  view.setUint32(12, dimension, true);
  view.setUint32(16, records, true);
  return bytes;
}

export function decodeHeader(bytes: Uint8Array, file: string): FeatureFileHeader {
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < HEADER_BYTES || magic !== FEATURE_FILE_MAGIC) {
    throw new EmotionStreamError("BAD_CACHE", "not a feature cache file (bad magic)", { file });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = view.getUint32(8, true);
  if (version !== FEATURE_FILE_VERSION) {
    throw new EmotionStreamError("UNSUPPORTED_FORMAT_VERSION", "feature cache of another version", {
      file,
      expected: FEATURE_FILE_VERSION,
      received: version,
    });
  }
  return { version, dimension: view.getUint32(12, true), records: view.getUint32(16, true) };
}

/** Bytes a record of `frames` rows takes. */
export function recordBytes(frames: number, dimension: number): number {
  return RECORD_HEADER_BYTES + frames * dimension * 4;
}

export function encodeRecord(matrix: FeatureMatrix): Uint8Array {
  const bytes = new Uint8Array(recordBytes(matrix.frames, matrix.dimension));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, matrix.frames, true);
  for (let i = 0; i < matrix.frames * matrix.dimension; i++) {
    view.setFloat32(RECORD_HEADER_BYTES + i * 4, matrix.data[i] ?? 0, true);
  }
  return bytes;
}

/** The matrix in a record; BAD_CACHE when its frame count is not the one the index promised. */
export function decodeRecord(
  bytes: Uint8Array,
  expectedFrames: number,
  dimension: number,
  file: string,
): FeatureMatrix {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = bytes.length >= RECORD_HEADER_BYTES ? view.getUint32(0, true) : -1;
  if (frames !== expectedFrames || bytes.length !== recordBytes(frames, dimension)) {
    throw new EmotionStreamError("BAD_CACHE", "feature cache record does not match its index", {
      file,
      expected: expectedFrames,
      received: frames,
    });
  }
  const count = frames * dimension;
  const start = bytes.byteOffset + RECORD_HEADER_BYTES;
  // Records are little-endian like the hosts Node runs on: then the values are used in place.
  if (LITTLE_ENDIAN_HOST && start % 4 === 0) {
    return { frames, dimension, data: new Float32Array(bytes.buffer, start, count) };
  }
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getFloat32(RECORD_HEADER_BYTES + i * 4, true);
  return { frames, dimension, data };
}
