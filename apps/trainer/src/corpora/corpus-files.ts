// File-system helpers shared by the adapters: the corpus root must exist, and audio is found by
// walking folders in a stable (sorted) order so utterance order never depends on the file system.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";

/** Throws CORPUS_NOT_FOUND unless `root` is a directory. */
export async function requireCorpusRoot(root: string, corpus: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory() !== true) {
    throw new EmotionStreamError("CORPUS_NOT_FOUND", `${corpus} corpus folder not found`, {
      file: root,
      corpus,
    });
  }
}

/** Throws BAD_CORPUS_LAYOUT unless `path` is a directory the adapter expects. */
export async function requireCorpusFolder(path: string, corpus: string, what: string) {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory() !== true) {
    throw new EmotionStreamError("BAD_CORPUS_LAYOUT", `${corpus} corpus lacks ${what}`, {
      file: path,
      corpus,
    });
  }
}

/** Files under `dir` (recursively) whose name ends in `extension`, sorted by path. */
export async function listFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const suffix = extension.toLowerCase();
  return entries
    .filter((entry) => entry.isFile() && !isAppleDouble(entry.name))
    .filter((entry) => entry.name.toLowerCase().endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Sub-folders of `dir` whose names match `pattern`, sorted. */
export async function listFolders(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && pattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

// macOS archives carry `._name` resource-fork twins of every file; they are not audio.
function isAppleDouble(name: string): boolean {
  return name.startsWith("._");
}
