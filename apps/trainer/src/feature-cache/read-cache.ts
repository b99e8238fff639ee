// A bounded read cache of decoded utterances: what training and evaluation read features through,
// so memory stays this budget plus the batch in flight whatever the corpus size. A corpus within
// the budget ends up wholly resident after its first pass (as fast as holding it in memory); a
// larger one is read from the cache files on demand, least recently used utterances evicted.
import type { FeatureMatrix } from "@emotion-stream/features";

/** Default budget: RAVDESS and EmoDB together, with deltas (~70 MiB of features), fit wholly. */
export const DEFAULT_READ_CACHE_BYTES = 256 * 1024 * 1024;

/** A resident matrix at once, or a read under way (concurrent asks share one read). */
export type ReadFeatures<K> = (key: K) => FeatureMatrix | Promise<FeatureMatrix>;

export function createReadCache<K>(
  load: (key: K) => Promise<FeatureMatrix>,
  budgetBytes: number = DEFAULT_READ_CACHE_BYTES,
): ReadFeatures<K> {
  // Map iteration order is insertion order: re-inserting on a hit keeps the oldest first.
  const resident = new Map<K, FeatureMatrix>();
  const reading = new Map<K, Promise<FeatureMatrix>>();
  let bytes = 0;
  const keep = (key: K, matrix: FeatureMatrix) => {
    const size = matrix.data.byteLength;
    if (size > budgetBytes) return;
    for (const [oldest, evicted] of resident) {
      if (bytes + size <= budgetBytes) break;
      resident.delete(oldest);
      bytes -= evicted.data.byteLength;
    }
    resident.set(key, matrix);
    bytes += size;
  };
  return (key) => {
    const hit = resident.get(key);
    if (hit !== undefined) {
      resident.delete(key);
      resident.set(key, hit);
      return hit;
    }
    let pending = reading.get(key);
    if (pending === undefined) {
      pending = load(key).then(
        (matrix) => {
          reading.delete(key);
          keep(key, matrix);
          return matrix;
        },
        (error: unknown) => {
          reading.delete(key);
          throw error;
        },
      );
      reading.set(key, pending);
    }
    return pending;
  };
}
