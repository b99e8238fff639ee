// Which windows make up each batch of an epoch: a seeded shuffle of all windows (the study), or
// class-balanced draws (each window's class picked uniformly, then a window of that class) so a
// majority class cannot dominate the gradient.
import { EmotionStreamError, type Random } from "@emotion-stream/core";

export function shuffledOrder(count: number, random: Random): Uint32Array {
  return Uint32Array.from(random.shuffled(Array.from({ length: count }, (_, index) => index)));
}

/** `count` draws with replacement, each class equally likely among the classes present. */
export function classBalancedOrder(labels: Uint8Array, count: number, random: Random): Uint32Array {
  const byClass = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const members = byClass.get(label) ?? [];
    members.push(index);
    byClass.set(label, members);
  });
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  if (classes.length === 0)
    throw new EmotionStreamError("EMPTY_SPLIT", "no training windows to sample");
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    order[i] = random.pick(byClass.get(random.pick(classes)) as number[]);
  }
  return order;
}

/** Inverse class frequency, normalised so a balanced set gets weight 1 everywhere. */
export function inverseFrequencyWeights(labels: Uint8Array, classes: number): Float32Array {
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((count) => count > 0).length;
  return Float32Array.from(counts, (count) => (count > 0 ? labels.length / (present * count) : 0));
}
