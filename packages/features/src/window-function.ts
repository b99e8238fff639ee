// Window functions as openSMILE's smileDsp_win* compute them (double precision, N - 1 in the
// denominator), stored in float32 as cWindower applies them.

/** Hamming: 0.54 - 0.46 cos(2 pi i / (N - 1)). */
export function hammingWindow(length: number): Float32Array {
  const window = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    window[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (length - 1));
  }
  return window;
}
