// Zero-crossing rate of one frame, as openSMILE's cMZcr (zcr=1) computes it on the raw frame.

/**
 * Crossings per sample. openSMILE's rule, reproduced exactly: only samples 1..N-2 are visited;
 * sample i counts when its predecessor and itself have opposite signs, or when it is an exact zero
 * lying between samples of opposite sign (or zero). The count is divided by N, not N-1, and
 * products are taken in float32 like openSMILE's data memory (so tiny products underflow to 0).
 */
export function zeroCrossingRate(frame: Float32Array): number {
  const n = frame.length;
  if (n === 0) return 0;
  let crossings = 0;
  for (let i = 1; i < n - 1; i++) {
    const previous = frame[i - 1] as number;
    const current = frame[i] as number;
    const next = frame[i + 1] as number;
    const touchesZero = current === 0 && Math.fround(previous * next) <= 0;
    if (touchesZero || Math.fround(previous * current) < 0) crossings++;
  }
  return Math.fround(crossings / n);
}
