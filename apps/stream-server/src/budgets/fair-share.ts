// Max-min fair sharing of the main thread among connections: a connection that asks for less than
// an equal share gets all it asks for, and what it leaves is split among the rest. A flood from a
// few connections is held to their share while every ordinary stream keeps what it needs.

/**
 * The per-connection cap that shares `capacity` max-min fairly among `demands` (Infinity for a
 * connection that wanted more than it got); Infinity when everyone's demand fits.
 */
export function fairShareCap(demands: readonly number[], capacity: number): number {
  const sorted = [...demands].sort((a, b) => a - b);
  let remaining = capacity;
  for (let i = 0; i < sorted.length; i++) {
    const equalShare = remaining / (sorted.length - i);
    const demand = sorted[i] as number;
    if (demand > equalShare) return equalShare;
    remaining -= demand;
  }
  return Number.POSITIVE_INFINITY;
}
