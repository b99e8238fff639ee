// How languages share the mini-batches of multi-lingual training (the study's language-
// alternating batches and a configurable ratio): the epoch's window order is regrouped so each
// batch is one language in turn (`alternate`), or holds each language in the given proportion
// (`ratio`, smaller languages cycled so the epoch keeps its length; `balanced`: equal shares, so a
// small corpus is not outvoted by a large one; `tempered`: shares as the square root of each
// language's windows, between the two, as multilingual models sample their languages). `mixed`
// leaves it as is.
import { EmotionStreamError } from "@emotion-stream/core";

export type LanguageMixing =
  | { readonly kind: "mixed" }
  | { readonly kind: "alternate" }
  | { readonly kind: "balanced" }
  | { readonly kind: "tempered" }
  | { readonly kind: "ratio"; readonly shares: Readonly<Record<string, number>> };

const NAMED_MIXINGS = ["mixed", "alternate", "balanced", "tempered"] as const;

/** A named mixing, or a ratio like `en=0.7,fr=0.3` (shares are normalised). */
export function parseLanguageMixing(text: string): LanguageMixing {
  const named = NAMED_MIXINGS.find((name) => name === text);
  if (named !== undefined) return { kind: named };
  const shares: Record<string, number> = {};
  for (const part of text.split(",")) {
    const [language, share] = part.split("=");
    const value = Number(share);
    if (language === undefined || language === "" || !Number.isFinite(value) || value < 0) {
      throw new EmotionStreamError(
        "BAD_ARGUMENT",
        "language batches: mixed, alternate, balanced, tempered, or shares like en=0.5,fr=0.5",
        {
          field: "language-batches",
          value: text,
        },
      );
    }
    shares[language] = value;
  }
  return { kind: "ratio", shares };
}

/** Regroups `order` (window indices) by `languageOf` per the mixing rule; same length. */
export function mixLanguages(
  order: Uint32Array,
  languageOf: Uint8Array,
  languages: readonly string[],
  batchSize: number,
  mixing: LanguageMixing,
): Uint32Array {
  if (mixing.kind === "mixed" || languages.length < 2) return order;
  const queues = languages.map((_, language) =>
    order.filter((index) => languageOf[index] === language),
  );
  if (mixing.kind === "alternate") return alternate(queues, order.length, batchSize);
  const shares =
    mixing.kind === "balanced"
      ? languages.map(() => 1)
      : mixing.kind === "tempered"
        ? queues.map((queue) => Math.sqrt(queue.length))
        : languages.map((name) => mixing.shares[name] ?? 0);
  return byShares(queues, order.length, batchSize, shares);
}

function alternate(queues: Uint32Array[], count: number, batchSize: number): Uint32Array {
  const result = new Uint32Array(count);
  const next = queues.map(() => 0);
  let filled = 0;
  for (let batch = 0; filled < count; batch++) {
    const language = batch % queues.length;
    const queue = queues[language] as Uint32Array;
    const start = next[language] as number;
    const take = Math.min(batchSize, queue.length - start, count - filled);
    result.set(queue.subarray(start, start + take), filled);
    next[language] = start + take;
    filled += take;
  }
  return result;
}

function byShares(
  queues: Uint32Array[],
  count: number,
  batchSize: number,
  shares: number[],
): Uint32Array {
  const total = shares.reduce(
    (sum, share, language) => sum + ((queues[language]?.length ?? 0) > 0 ? share : 0),
    0,
  );
  if (!(total > 0)) {
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      "language shares name no language of the training data",
      {
        field: "language-batches",
      },
    );
  }
  const perBatch = apportion(
    shares.map((share, language) => ((queues[language]?.length ?? 0) > 0 ? share / total : 0)),
    batchSize,
  );
  const result = new Uint32Array(count);
  const next = queues.map(() => 0);
  let filled = 0;
  while (filled < count) {
    perBatch.forEach((take, language) => {
      const queue = queues[language] as Uint32Array;
      for (let n = 0; n < take && filled < count; n++) {
        const position = (next[language] as number) % queue.length;
        result[filled++] = queue[position] as number;
        next[language] = position + 1;
      }
    });
  }
  return result;
}

/** Integer counts summing to `size`, proportional to `fractions` (largest remainder). */
function apportion(fractions: number[], size: number): number[] {
  const exact = fractions.map((fraction) => fraction * size);
  const counts = exact.map(Math.floor);
  let missing = size - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = exact.map((value, index) => ({
    index,
    remainder: value - Math.floor(value),
  }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
