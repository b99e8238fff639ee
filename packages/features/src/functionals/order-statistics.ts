// The values a full ascending sort would put at a few ranks, without sorting the rest: quickselect
// (Hoare partition around a median of three) for all the ranks at once, each partition sending
// every rank to the side that holds it. A percentile needs two ranks, not n log n comparisons;
// over a long recording (60,000 frames per column) this is what keeps the functionals ahead of
// openSMILE.

/** Below this length a plain sort is as fast; below the second, a partition is not worth it. */
const SELECT_FROM = 64;
const INSERTION_BELOW = 16;

/**
 * A copy of `values` in which every index of `ranks` holds the value an ascending sort puts there
 * (other positions hold the remaining values in no particular order). NaN sorts last, as
 * Float32Array#sort puts it.
 */
export function orderStatistics(values: Float32Array, ranks: readonly number[]): Float32Array {
  const out = values.slice();
  const kind = valueKinds(out);
  if (out.length < SELECT_FROM || kind === HAS_NAN) return out.sort();
  const wanted = [...new Set(ranks)].filter((rank) => rank >= 0 && rank < out.length);
  wanted.sort((a, b) => a - b);
  if (kind === HAS_BOTH_ZEROS) {
    // -0 and +0 compare equal, so which of them lands at a rank depends on the order of the
    // partitions: such columns keep the rank-by-rank searches of earlier releases, and their
    // values.
    let from = 0;
    for (const rank of wanted) {
      select(out, from, out.length - 1, rank);
      from = rank + 1;
    }
    return out;
  }
  selectRanks(out, 0, out.length - 1, Int32Array.from(wanted), 0, wanted.length - 1);
  return out;
}

const ORDINARY = 0;
const HAS_NAN = 1;
const HAS_BOTH_ZEROS = 2;

/** HAS_NAN, else HAS_BOTH_ZEROS if -0 and +0 both occur, else ORDINARY. */
function valueKinds(values: Float32Array): number {
  let negativeZero = false;
  let positiveZero = false;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (Number.isNaN(value)) return HAS_NAN;
    if (value === 0) {
      if (1 / value < 0) negativeZero = true;
      else positiveZero = true;
    }
  }
  return negativeZero && positiveZero ? HAS_BOTH_ZEROS : ORDINARY;
}

/**
 * Rearranges a[left..right] so that each of ranks[first..last] (ascending, all within the range)
 * holds its sorted value.
 */
function selectRanks(
  a: Float32Array,
  left: number,
  right: number,
  ranks: Int32Array,
  first: number,
  last: number,
): void {
  // The right part is searched in this loop, the left one by recursion.
  let lo = left;
  let from = first;
  while (from <= last) {
    if (right - lo < INSERTION_BELOW) {
      insertionSort(a, lo, right);
      return;
    }
    const { i, j } = partition(a, lo, right);
    // Ranks up to j lie left, from i on right; those between hold the pivot's value already.
    let leftEnd = from;
    while (leftEnd <= last && (ranks[leftEnd] as number) <= j) leftEnd += 1;
    let rightStart = leftEnd;
    while (rightStart <= last && (ranks[rightStart] as number) < i) rightStart += 1;
    if (leftEnd > from) selectRanks(a, lo, j, ranks, from, leftEnd - 1);
    lo = i;
    from = rightStart;
  }
}

function insertionSort(a: Float32Array, left: number, right: number): void {
  for (let k = left + 1; k <= right; k += 1) {
    const value = a[k] as number;
    let m = k - 1;
    while (m >= left && (a[m] as number) > value) {
      a[m + 1] = a[m] as number;
      m -= 1;
    }
    a[m + 1] = value;
  }
}

/** Rearranges a[left..right] so that a[k] holds its sorted value, smaller ones before it. */
function select(a: Float32Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const { i, j } = partition(a, lo, hi);
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

const bounds = { i: 0, j: 0 };

/**
 * Hoare partition of a[lo..hi] (hi > lo) around the median of three: afterwards a[lo..j] are at
 * most the pivot, a[i..hi] at least, and those between equal it (j < i). The bounds are a reused
 * object.
 */
function partition(a: Float32Array, lo: number, hi: number): { i: number; j: number } {
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
  bounds.i = i;
  bounds.j = j;
  return bounds;
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
