// The values a full ascending sort would put at a few ranks, without sorting the rest: quickselect
// (Hoare partition around a median of three) for each rank in increasing order, each search
// starting after the previous rank. A percentile needs two ranks, not n log n comparisons; over a
// long recording (60,000 frames per column) this is what keeps the functionals ahead of openSMILE.

/** Below this length a plain sort is as fast. */
const SELECT_FROM = 64;

/**
 * A copy of `values` in which every index of `ranks` holds the value an ascending sort puts there
 * (other positions hold the remaining values in no particular order). NaN sorts last, as
 * Float32Array#sort puts it.
 */
export function orderStatistics(values: Float32Array, ranks: readonly number[]): Float32Array {
  const out = values.slice();
  if (out.length < SELECT_FROM || hasNaN(out)) return out.sort();
  let from = 0;
  for (const rank of [...new Set(ranks)].sort((a, b) => a - b)) {
    if (rank < from || rank >= out.length) continue;
    select(out, from, out.length - 1, rank);
    from = rank + 1;
  }
  return out;
}

/** Rearranges a[left..right] so that a[k] holds its sorted value, smaller ones before it. */
function select(a: Float32Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to a[mid], guarding both partition scans.
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i += 1;
      while ((a[j] as number) > pivot) j -= 1;
      if (i <= j) {
        swap(a, i, j);
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function hasNaN(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i += 1) {
    if (Number.isNaN(values[i])) return true;
  }
  return false;
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
