// Copies a range between typed arrays without the view object `target.set(source.subarray(...))`
// allocates: the per-frame paths copy rows and frames this way so they allocate nothing.

export function copyValues(
  source: Float32Array,
  sourceStart: number,
  target: Float32Array,
  targetStart: number,
  count: number,
): void {
  for (let i = 0; i < count; i += 1) target[targetStart + i] = source[sourceStart + i] ?? 0;
}
