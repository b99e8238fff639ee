// openSMILE's cVectorPreemphasis (HTK style, no memory across frames): y[0] = (1 - k) x[0],
// y[t] = x[t] - k x[t-1]. Values are float32, as in openSMILE's data memory.

/** Writes the pre-emphasised `frame` into `out` (same length; may not alias `frame`). */
export function applyPreemphasis(frame: Float32Array, k: number, out: Float32Array): void {
  const kf = Math.fround(k);
  out[0] = Math.fround(1 - kf) * (frame[0] ?? 0);
  for (let t = 1; t < frame.length; t += 1) {
    out[t] = (frame[t] ?? 0) - kf * (frame[t - 1] ?? 0);
  }
}
