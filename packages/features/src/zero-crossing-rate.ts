// Zero-crossing rate of one frame, as openSMILE's cMZcr (zcr=1) computes it on the raw frame.

/**
 * Crossings per sample of the `length` samples from `start` (default: all of `samples`).
 * openSMILE's rule, reproduced exactly: only samples 1..N-2 are visited; sample i counts when its
 * predecessor and itself have opposite signs, or when it is an exact zero lying between samples of
 * opposite sign (or zero). The count is divided by N, not N-1, and products are taken in float32
 * like openSMILE's data memory (so tiny products underflow to 0).
 */
export function zeroCrossingRate(
  samples: Float32Array,
  start = 0,
  length = samples.length - start,
): number {
  if (length <= 0) return 0;
  const end = start + length - 1;
  let crossings = 0;
  let previous = samples[start] as number;
  let current = samples[start + 1] as number;
  for (let i = start + 1; i < end; i++) {
    const next = samples[i + 1] as number;
    // The double product of two float32 values is exact, so its sign is the product's; only a
    // negative one can round to -0 in float32, which fround then decides.
    const product = previous * current;
    if (current === 0 ? Math.fround(previous * next) <= 0 : product < 0 && Math.fround(product) < 0)
      crossings++;
    previous = current;
    current = next;
  }
  return Math.fround(crossings / length);
}
