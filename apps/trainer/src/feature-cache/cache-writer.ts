// Writes a corpus's cache: a new data file holding every record (fresh ones extracted, reused ones
// copied from the previous data file), then the index pointing at it (written atomically), then
// removes the previous data file; an interrupted write leaves the previous cache intact.
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FeatureSetSpec } from "@emotion-stream/core";
import type { CorpusReading } from "../corpora/corpus-utterance.js";
import { type AudioFile, sourceKey } from "./audio-files.js";
import {
  CACHE_INDEX_FORMAT,
  CACHE_INDEX_VERSION,
  type CacheEntry,
  type CacheIndex,
} from "./cache-index.js";
import { encodeHeader, HEADER_BYTES, recordBytes } from "./feature-file-format.js";

export interface ExtractedRecord {
  readonly entry: Omit<CacheEntry, "offset">;
  readonly record: Uint8Array;
}

export async function writeIndex(dir: string, index: CacheIndex): Promise<void> {
  await writeFile(join(dir, "index.json.tmp"), JSON.stringify(index));
  await rename(join(dir, "index.json.tmp"), join(dir, "index.json"));
}

/**
 * Writes a new data file holding every utterance's record (reused ones copied from the old data
 * file), then the index pointing at it, then removes the old data file.
 */
export async function rewrite(
  dir: string,
  reading: CorpusReading,
  spec: FeatureSetSpec,
  files: readonly AudioFile[],
  previous: CacheIndex | undefined,
  extracted: ReadonlyMap<string, ExtractedRecord>,
): Promise<CacheIndex> {
  await mkdir(dir, { recursive: true });
  const dataFile = `features-${Date.now().toString(36)}.bin`;
  const entries: Record<string, CacheEntry> = {};
  const output = await open(join(dir, dataFile), "w");
  const old =
    previous === undefined
      ? undefined
      : await open(join(dir, previous.dataFile), "r").catch(() => undefined);
  try {
    let offset = HEADER_BYTES;
    let records = 0;
    for (const utterance of files.flatMap((file) => file.utterances)) {
      const key = sourceKey(utterance, reading.root);
      const fresh = extracted.get(key);
      const reused =
        fresh === undefined ? await reuse(old, previous?.entries[key], spec) : undefined;
      const record = fresh?.record ?? reused?.record;
      const entry = fresh?.entry ?? reused?.entry;
      if (record === undefined || entry === undefined) continue;
      await output.write(record, 0, record.length, offset);
      entries[key] = { ...entry, offset };
      offset += record.length;
      records++;
    }
    await output.write(encodeHeader(spec.dimension, records), 0, HEADER_BYTES, 0);
  } finally {
    await output.close();
    await old?.close();
  }
  const index: CacheIndex = {
    format: CACHE_INDEX_FORMAT,
    version: CACHE_INDEX_VERSION,
    corpus: { name: reading.corpus, root: reading.root },
    spec,
    dataFile,
    entries,
  };
  await writeIndex(dir, index);
  if (previous !== undefined && previous.dataFile !== dataFile) {
    await rm(join(dir, previous.dataFile), { force: true });
  }
  return index;
}

/** A fresh record of the previous data file, copied as stored (its header checked on load). */
async function reuse(
  old: Awaited<ReturnType<typeof open>> | undefined,
  entry: CacheEntry | undefined,
  spec: FeatureSetSpec,
): Promise<ExtractedRecord | undefined> {
  if (old === undefined || entry === undefined) return undefined;
  const record = new Uint8Array(recordBytes(entry.frames, spec.dimension));
  const { bytesRead } = await old.read(record, 0, record.length, entry.offset);
  if (bytesRead !== record.length) return undefined;
  const { offset: _, ...rest } = entry;
  return { entry: rest, record };
}
