// TensorFlow.js has no global seed: weight initialisers and dropout masks draw their seeds from
// Math.random. Running training with Math.random replaced by a seeded generator makes a run a pure
// function of (seed, data, backend), which is what lets two runs be compared metric for metric.
import { createRandom } from "@emotion-stream/core";

export async function withSeededMathRandom<T>(seed: number, run: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = createRandom(seed).next;
  try {
    return await run();
  } finally {
    Math.random = original;
  }
}
