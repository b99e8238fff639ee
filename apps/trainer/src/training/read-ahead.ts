// Batch i + 1 is read while batch i is used (trained on, predicted): reads from the feature cache
// run on libuv's threads during the synchronous model work instead of after it. Callers give each
// of the two batches in flight its own buffer (`slot` 0 or 1).

/** Calls `use(read(i, i % 2), i)` for i in [0, count), with read(i + 1) started before use(i). */
export async function readAhead<T>(
  count: number,
  read: (index: number, slot: number) => Promise<T>,
  use: (value: T, index: number) => Promise<void> | void,
): Promise<void> {
  let next: Promise<T> | undefined = count > 0 ? read(0, 0) : undefined;
  try {
    for (let index = 0; index < count; index++) {
      const value = await (next as Promise<T>);
      next = index + 1 < count ? read(index + 1, (index + 1) % 2) : undefined;
      await use(value, index);
    }
  } finally {
    // A read left behind by a failed `use` must not surface as an unhandled rejection.
    next?.catch(() => undefined);
  }
}
