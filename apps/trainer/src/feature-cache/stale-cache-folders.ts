// Cache folders no current feature set reads: each `<corpus>-<root hash>/<set>-<spec hash>/` is
// keyed by the hash of its set's full spec, so when a set's spec changes (a parameter stated, a
// component fixed) its old folder stays behind, as large as the corpus's features. `trainer data`
// names them and `--prune` removes them; a folder with a writer's lock is left alone.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { availableFeatureSets, getFeatureSet } from "@emotion-stream/features";
import { LOCK_NAME } from "./cache-lock.js";
import { specFolderName } from "./feature-cache.js";

export interface StaleCacheFolder {
  readonly path: string;
  readonly bytes: number;
}

/** Every spec folder under `cacheDir` whose name is not that of a current feature set's spec. */
export async function staleCacheFolders(cacheDir: string): Promise<StaleCacheFolder[]> {
  const current = new Set(
    availableFeatureSets().map((name) => specFolderName(getFeatureSet(name).spec)),
  );
  const stale: StaleCacheFolder[] = [];
  for (const corpusDir of await subdirectories(cacheDir)) {
    for (const specDir of await subdirectories(corpusDir)) {
      const name = specDir.slice(corpusDir.length + 1);
      if (current.has(name)) continue;
      const files = await readdir(specDir);
      if (files.includes(LOCK_NAME)) continue;
      const sizes = await Promise.all(files.map((file) => stat(join(specDir, file))));
      stale.push({ path: specDir, bytes: sizes.reduce((sum, info) => sum + info.size, 0) });
    }
  }
  return stale;
}

export async function removeCacheFolders(folders: readonly StaleCacheFolder[]): Promise<void> {
  for (const folder of folders) await rm(folder.path, { recursive: true, force: true });
}

/** Absolute paths of the directories in `dir`; none when it does not exist. */
async function subdirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries.filter((entry) => entry.isDirectory()).map((entry) => join(dir, entry.name));
}
