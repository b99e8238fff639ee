// The audio files behind a corpus's utterances (segments of one recording share a file) and the
// key each utterance's record is stored under in the cache index.
import { createHash } from "node:crypto";
import { relative } from "node:path";
import type { CorpusUtterance } from "../corpora/corpus-utterance.js";

export interface AudioFile {
  readonly path: string;
  readonly utterances: CorpusUtterance[];
}

/** The key of an utterance's record: its audio relative to the corpus root, plus its segment. */
export function sourceKey(utterance: CorpusUtterance, root: string): string {
  const { source } = utterance;
  const path = relative(root, source.path);
  return source.kind === "audio-segment"
    ? `${path}@${source.startSeconds.toFixed(3)}-${source.endSeconds.toFixed(3)}`
    : path;
}

/** Utterances grouped by the audio file they are read from; feature-file utterances have none. */
export function audioFiles(utterances: readonly CorpusUtterance[]): AudioFile[] {
  const byPath = new Map<string, AudioFile>();
  for (const utterance of utterances) {
    if (utterance.source.kind === "features") continue;
    const { path } = utterance.source;
    const file = byPath.get(path) ?? { path, utterances: [] };
    file.utterances.push(utterance);
    byPath.set(path, file);
  }
  return [...byPath.values()];
}

export function sha1(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("hex");
}
