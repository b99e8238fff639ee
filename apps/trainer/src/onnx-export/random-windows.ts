// Seeded standard-normal numbers: the distribution of normalised features (zero mean, unit spread
// per dimension), used when a run has no validation windows and for untrained-model checks.
import type { WindowBatch } from "./window-batch.js";

/** mulberry32: a small, fast, seedable 32-bit generator of uniforms in [0, 1). */
function uniformGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` independent N(0, 1) values (Box-Muller), the same for the same seed. */
export function standardNormalValues(length: number, seed: number): Float32Array {
  const uniform = uniformGenerator(seed);
  const values = new Float32Array(length);
  for (let index = 0; index < length; index += 1) {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    values[index] = radius * Math.cos(2 * Math.PI * uniform());
  }
  return values;
}

export function randomWindowBatch(
  count: number,
  frames: number,
  dimension: number,
  seed: number,
): WindowBatch {
  return { count, frames, dimension, data: standardNormalValues(count * frames * dimension, seed) };
}
