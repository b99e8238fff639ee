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

/**
 * Gaussian (smileDsp_winGau): exp(-0.5 ((i - (N - 1) / 2) / (sigma (N - 1) / 2))^2), sigma
 * relative to half the window and clamped to 0.01..0.5 as there.
 */
export function gaussWindow(length: number, sigma: number): Float32Array {
  const clamped = Math.min(0.5, sigma <= 0 ? 0.01 : sigma);
  const window = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    const t = (i - (length - 1) / 2) / ((clamped * (length - 1)) / 2);
    window[i] = Math.exp(-0.5 * t * t);
  }
  return window;
}
