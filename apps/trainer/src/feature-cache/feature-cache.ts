// The feature cache: features of every utterance of a corpus for one feature-set spec, stored in
// `<cache>/<corpus>-<root hash>/<set>-<spec hash>/` as an index (JSON) and a data file (binary).
// A record is reused while its audio's size and mtime (or, if only the mtime moved, its content
// hash) are unchanged; missing or stale ones are extracted on worker threads and the data file
// is rewritten, the index last, so an interrupted run leaves the previous cache intact. One
// process at a time writes a folder (cache-lock.ts).
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FeatureSetSpec } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";
import type { CorpusReading, CorpusUtterance, SkippedItem } from "../corpora/corpus-utterance.js";
import { describeUnusableDirectory } from "../unusable-directory.js";
import { type AudioFile, audioFiles, sha1, sourceKey } from "./audio-files.js";
import { type CacheIndex, canonicalJson, loadCacheIndex } from "./cache-index.js";
import { withCacheLock } from "./cache-lock.js";
import { type ExtractedRecord, rewrite, writeIndex } from "./cache-writer.js";
import type { CachedUtterance } from "./cached-utterance.js";
import type { ExtractionJob } from "./extraction-job.js";
import type { ExtractionPool } from "./extraction-pool.js";
import { encodeRecord } from "./feature-file-format.js";
import { openChecked } from "./feature-store.js";

export interface FeatureCacheOptions {
  /** Where missing features are extracted; the caller owns (and closes) it. */
  readonly pool: ExtractionPool;
  /** Absolute cache directory (`.cache/features` under the user's directory by default). */
  readonly cacheDir: string;
  readonly featureSet: string;
  /** Called after each extracted file, with files done and files to extract in this corpus. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once per corpus before extraction starts, with the number of files to extract. */
  readonly onExtractionStart?: (corpus: string, files: number) => void;
  /** Called if another process is writing this corpus's cache: this one waits for it. */
  readonly onLockWait?: (corpus: string) => void;
}

export interface CachedCorpus {
  readonly corpus: string;
  readonly root: string;
  readonly spec: FeatureSetSpec;
  readonly utterances: readonly CachedUtterance[];
  /** The adapter's skips plus files that could not be decoded. */
  readonly skipped: readonly SkippedItem[];
  readonly files: { readonly extracted: number; readonly reused: number };
}

/** Features of every utterance of `reading`, from the cache where fresh, extracted otherwise. */
export async function cacheCorpusFeatures(
  reading: CorpusReading,
  options: FeatureCacheOptions,
): Promise<CachedCorpus> {
  try {
    return await bringIntoCache(reading, options);
  } catch (error) {
    throw describeUnusableDirectory(error, {
      flag: "--cache",
      holds: "feature cache",
      directory: options.cacheDir,
    });
  }
}

async function bringIntoCache(
  reading: CorpusReading,
  options: FeatureCacheOptions,
): Promise<CachedCorpus> {
  const spec = getFeatureSet(options.featureSet).spec;
  const dir = cacheFolder(options.cacheDir, reading, spec);
  const files = audioFiles(reading.utterances);
  // Most runs find every record fresh and write nothing: no lock then, so a read-only cache serves.
  const found = await inspectCache(dir, spec, files, reading.root);
  if (found.index !== undefined && found.stale.length === 0 && found.touched.size === 0) {
    options.onExtractionStart?.(reading.corpus, 0);
    return cachedCorpus(reading, spec, dir, found.index, [], {
      extracted: 0,
      reused: files.length,
    });
  }
  return withCacheLock(
    dir,
    () => options.onLockWait?.(reading.corpus),
    async () => {
      // Looked at again: another process may have brought the cache up to date meanwhile.
      const { index, stale, touched } = await inspectCache(dir, spec, files, reading.root);
      options.onExtractionStart?.(reading.corpus, stale.length);
      const extracted = await extract(stale, reading.root, options);
      const entries =
        stale.length === 0 && index !== undefined
          ? await recordTouched(dir, index, reading.root, touched)
          : await rewrite(dir, reading, spec, files, index, extracted.entries);
      return cachedCorpus(reading, spec, dir, entries, extracted.skipped, {
        extracted: stale.length,
        reused: files.length - stale.length,
      });
    },
  );
}

/** The usable index, the files to extract and the files whose mtime alone moved. */
async function inspectCache(
  dir: string,
  spec: FeatureSetSpec,
  files: readonly AudioFile[],
  root: string,
) {
  const index = await usableIndex(dir, spec);
  const stale: AudioFile[] = [];
  const touched = new Map<AudioFile, number>();
  for (const file of files) {
    const freshness = await checkFreshness(file, root, index);
    if (freshness === "stale") stale.push(file);
    else if (freshness !== "fresh") touched.set(file, freshness.mtimeMs);
  }
  return { index, stale, touched };
}

function cachedCorpus(
  reading: CorpusReading,
  spec: FeatureSetSpec,
  dir: string,
  index: CacheIndex,
  extractionSkips: readonly SkippedItem[],
  files: CachedCorpus["files"],
): CachedCorpus {
  const inline = inlineUtterances(reading.utterances, spec);
  const cached = cachedUtterances(reading, dir, index);
  return {
    corpus: reading.corpus,
    root: reading.root,
    spec,
    utterances: [...cached.utterances, ...inline.utterances],
    skipped: [...reading.skipped, ...extractionSkips, ...cached.skipped, ...inline.skipped],
    files,
  };
}

/** The stored index when it and its data file's header are intact; undefined starts afresh. */
async function usableIndex(dir: string, spec: FeatureSetSpec): Promise<CacheIndex | undefined> {
  const index = await loadCacheIndex(join(dir, "index.json"), spec);
  if (index === undefined) return undefined;
  try {
    const { handle, dimension } = await openChecked(join(dir, index.dataFile));
    await handle.close();
    return dimension === spec.dimension ? index : undefined;
  } catch {
    return undefined;
  }
}

function cacheFolder(cacheDir: string, reading: CorpusReading, spec: FeatureSetSpec): string {
  const rootHash = sha1(reading.root).slice(0, 10);
  return join(cacheDir, `${reading.corpus}-${rootHash}`, specFolderName(spec));
}

/** `<set>-<hash of the full spec>`: a spec that changes in any way gets a folder of its own. */
export function specFolderName(spec: FeatureSetSpec): string {
  return `${spec.name}-${sha1(canonicalJson(spec)).slice(0, 10)}`;
}

/**
 * "fresh" when size and mtime match the index; a file whose mtime moved but whose content hash
 * still matches is "touched" (reused, its new mtime recorded); anything else is "stale".
 */
async function checkFreshness(
  file: AudioFile,
  root: string,
  index: CacheIndex | undefined,
): Promise<"fresh" | "stale" | { mtimeMs: number }> {
  if (index === undefined) return "stale";
  const stored = file.utterances.map((utterance) => index.entries[sourceKey(utterance, root)]);
  const first = stored[0];
  if (first === undefined || stored.some((entry) => entry === undefined)) return "stale";
  const info = await stat(file.path).catch(() => undefined);
  if (info === undefined || info.size !== first.fingerprint.size) return "stale";
  if (info.mtimeMs === first.fingerprint.mtimeMs) return "fresh";
  const hash = sha1(await readFile(file.path));
  return hash === first.fingerprint.contentHash ? { mtimeMs: info.mtimeMs } : "stale";
}

/** Writes the new mtimes of touched files into the index, so the next run skips their hashing. */
async function recordTouched(
  dir: string,
  index: CacheIndex,
  root: string,
  touched: ReadonlyMap<AudioFile, number>,
): Promise<CacheIndex> {
  if (touched.size === 0) return index;
  const entries = { ...index.entries };
  for (const [file, mtimeMs] of touched) {
    for (const utterance of file.utterances) {
      const key = sourceKey(utterance, root);
      const entry = entries[key];
      if (entry !== undefined)
        entries[key] = { ...entry, fingerprint: { ...entry.fingerprint, mtimeMs } };
    }
  }
  const updated = { ...index, entries };
  await writeIndex(dir, updated);
  return updated;
}

async function extract(stale: readonly AudioFile[], root: string, options: FeatureCacheOptions) {
  const entries = new Map<string, ExtractedRecord>();
  const skipped: SkippedItem[] = [];
  const jobs = stale.map((file, id) => extractionJob(file, id, options.featureSet));
  const { dimension } = getFeatureSet(options.featureSet).spec;
  let done = 0;
  await options.pool.run(jobs, (result) => {
    const file = stale[result.id] as AudioFile;
    options.onProgress?.(++done, jobs.length);
    if (!result.ok) {
      skipped.push({ file: file.path, reason: "unreadable-file", message: result.message });
      return;
    }
    file.utterances.forEach((utterance, n) => {
      const matrix = result.matrices[n] ?? { frames: 0, data: new Float32Array(0) };
      entries.set(sourceKey(utterance, root), {
        entry: {
          fingerprint: result.fingerprint,
          frames: matrix.frames,
          durationSeconds: durationOf(utterance, result.durationSeconds),
        },
        record: encodeRecord({ ...matrix, dimension }),
      });
    });
  });
  return { entries, skipped };
}

function extractionJob(file: AudioFile, id: number, featureSet: string): ExtractionJob {
  const segments = file.utterances.flatMap((utterance) =>
    utterance.source.kind === "audio-segment"
      ? [{ startSeconds: utterance.source.startSeconds, endSeconds: utterance.source.endSeconds }]
      : [],
  );
  return { id, path: file.path, featureSet, ...(segments.length > 0 ? { segments } : {}) };
}

function durationOf(utterance: CorpusUtterance, fileSeconds: number): number {
  const { source } = utterance;
  return source.kind === "audio-segment" ? source.endSeconds - source.startSeconds : fileSeconds;
}

/** Utterances with a cache entry; those too short for a single frame are skipped, named. */
function cachedUtterances(reading: CorpusReading, dir: string, index: CacheIndex) {
  const cached: CachedUtterance[] = [];
  const skipped: SkippedItem[] = [];
  for (const utterance of reading.utterances) {
    if (utterance.source.kind === "features") continue;
    const entry = index.entries[sourceKey(utterance, reading.root)];
    if (entry === undefined) continue;
    if (entry.frames === 0) {
      const seconds = entry.durationSeconds.toFixed(3);
      skipped.push({
        file: join(reading.root, sourceKey(utterance, reading.root)),
        reason: "too-short",
        message: `${utterance.id}: ${seconds} s of audio, too short for one frame`,
      });
      continue;
    }
    cached.push({
      ...utterance,
      frames: entry.frames,
      durationSeconds: entry.durationSeconds,
      featureRef: { file: join(dir, index.dataFile), offset: entry.offset },
    });
  }
  return { utterances: cached, skipped };
}

/** Utterances that arrive with their features (openSMILE files): kept when their dimension fits. */
function inlineUtterances(utterances: readonly CorpusUtterance[], spec: FeatureSetSpec) {
  const kept: CachedUtterance[] = [];
  const skipped: SkippedItem[] = [];
  for (const utterance of utterances) {
    const { source } = utterance;
    if (source.kind !== "features") continue;
    if (source.features.dimension !== spec.dimension) {
      skipped.push({
        file: `${source.path}#${utterance.id}`,
        reason: "unreadable-file",
        message: `${source.features.dimension} values per frame, ${spec.name} has ${spec.dimension}`,
      });
      continue;
    }
    const { frames } = source.features;
    kept.push({ ...utterance, frames, durationSeconds: frames * spec.frameStepSeconds });
  }
  return { utterances: kept, skipped };
}
