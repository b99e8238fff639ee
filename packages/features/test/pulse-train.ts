// Synthetic voice for the jitter and shimmer tests: glottal-like pulses at chosen periods and
// heights, and the mean of a list.
const BUMP_WIDTH = 40;

/** Glottal-like pulses: a raised-sine bump every period (periods and heights cycle). */
export function pulseTrain(periods: readonly number[], heights: readonly number[], length: number) {
  const samples = new Float32Array(length);
  for (let at = 0, pulse = 0; at < length; pulse += 1) {
    const height = heights[pulse % heights.length] ?? 0;
    for (let t = 0; t < BUMP_WIDTH && at + t < length; t += 1) {
      samples[at + t] = height * Math.sin((Math.PI * t) / BUMP_WIDTH) ** 2;
    }
    at += periods[pulse % periods.length] ?? 0;
  }
  return samples;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
