// The feature cache's index: which audio (by fingerprint) each record was computed from, with
// which feature-set spec, and where the record lies in the data file. JSON, validated on read;
// an index of another format version or spec is not reused.
import { readFile } from "node:fs/promises";
import { type FeatureSetSpec, featureSetSpecSchema } from "@emotion-stream/core";
import { z } from "zod";

export const CACHE_INDEX_FORMAT = "emotion-stream/feature-cache-index";
export const CACHE_INDEX_VERSION = 1;

const fingerprintSchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  /** SHA-1 of the whole file, so a touched but unchanged file is not re-extracted. */
  contentHash: z.string(),
});

export type AudioFingerprint = z.infer<typeof fingerprintSchema>;

const entrySchema = z.object({
  fingerprint: fingerprintSchema,
  offset: z.number().int().nonnegative(),
  frames: z.number().int().nonnegative(),
  durationSeconds: z.number().nonnegative(),
});

export type CacheEntry = z.infer<typeof entrySchema>;

export const cacheIndexSchema = z.object({
  format: z.literal(CACHE_INDEX_FORMAT),
  version: z.literal(CACHE_INDEX_VERSION),
  corpus: z.object({ name: z.string(), root: z.string() }),
  spec: featureSetSpecSchema,
  dataFile: z.string(),
  /** Keyed by the source key: the audio path relative to the corpus root, plus a segment range. */
  entries: z.record(z.string(), entrySchema),
});

export type CacheIndex = z.infer<typeof cacheIndexSchema>;

/** The stored index if it is readable, of this version and for exactly this spec; else undefined. */
export async function loadCacheIndex(
  file: string,
  spec: FeatureSetSpec,
): Promise<CacheIndex | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cacheIndexSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return canonicalJson(parsed.data.spec) === canonicalJson(spec) ? parsed.data : undefined;
}

/** JSON with object keys sorted, so equal specs serialise (and hash) equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
