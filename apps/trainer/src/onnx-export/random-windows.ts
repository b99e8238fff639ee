// Seeded standard-normal numbers: the distribution of normalised features (zero mean, unit spread
// per dimension), used when a run has no validation windows and for untrained-model checks.
import { createRandom } from "@emotion-stream/core";
import type { WindowBatch } from "./window-batch.js";

/**
 * `length` independent N(0, 1) values (Box-Muller), the same for the same seed. Only the cosine
 * deviate of each pair of uniforms is kept (not `Random.normal`'s pairs): the export checks and
 * benchmarks were measured on these values.
 */
export function standardNormalValues(length: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const values = new Float32Array(length);
  for (let index = 0; index < length; index += 1) {
    const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
    values[index] = radius * Math.cos(2 * Math.PI * random.next());
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
