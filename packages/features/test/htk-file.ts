// Reads the HTK parameter files openSMILE's cHtkSink writes (the exact float32 values of a level):
// a 12-byte big-endian header (frames, period in 100 ns units, bytes per frame, parmKind), then
// the frames' values as big-endian float32.
import { readFileSync } from "node:fs";

export interface HtkFeatures {
  readonly frames: number;
  readonly dimension: number;
  /** frames x dimension values, row by row. */
  readonly data: Float32Array;
}

const HEADER_BYTES = 12;

export function readHtkFile(path: string): HtkFeatures {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = view.getInt32(0);
  const dimension = view.getInt16(8) / 4;
  const data = new Float32Array(frames * dimension);
  for (let i = 0; i < data.length; i += 1) data[i] = view.getFloat32(HEADER_BYTES + 4 * i);
  return { frames, dimension, data };
}
