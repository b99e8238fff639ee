// The one seeded generator (mulberry32: 32-bit state, full period) behind splits, shuffles, masks,
// weight initialisation and the synthetic corpus, so each is the same for one seed on every machine.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(low: number, high: number): number;
  /** Gaussian by Box-Muller. */
  normal(mean: number, sd: number): number;
  integer(low: number, highInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[];
  /**
   * An independent generator named by its label and this generator's seed (not its current state),
   * so adding draws in one place never shifts another.
   */
  fork(label: string): Random;
}

export function createRandom(seed: number | string): Random {
  const initialState = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  let state = initialState;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (low: number, highInclusive: number): number =>
    low + Math.floor(next() * (highInclusive - low + 1));
  // Box-Muller yields two independent deviates per draw; keep the second for the next call.
  let spare: number | null = null;
  const nextGaussian = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal: (mean, sd) => mean + sd * nextGaussian(),
    integer,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
    shuffled: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = integer(0, i);
        const item = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = item;
      }
      return copy;
    },
    fork: (label) => createRandom(hashString(`${initialState}:${label}`)),
  };
}

/** FNV-1a, 32-bit. */
function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
