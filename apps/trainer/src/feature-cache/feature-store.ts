// Loads cached utterances' features from the cache data files on demand, keeping one open file
// handle per data file and checking each data file's header once.
import { type FileHandle, open } from "node:fs/promises";
import { EmotionStreamError } from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import type { CachedUtterance } from "./cached-utterance.js";
import { decodeHeader, decodeRecord, HEADER_BYTES, recordBytes } from "./feature-file-format.js";

export class FeatureStore {
  readonly #files = new Map<string, Promise<{ handle: FileHandle; dimension: number }>>();

  async load(utterance: CachedUtterance): Promise<FeatureMatrix> {
    if (utterance.source.kind === "features") return utterance.source.features;
    const ref = utterance.featureRef;
    if (ref === undefined) {
      throw new EmotionStreamError("INTERNAL_ERROR", "utterance has no cached features", {
        utterance: utterance.id,
      });
    }
    const { handle, dimension } = await this.#open(ref.file);
    const bytes = new Uint8Array(recordBytes(utterance.frames, dimension));
    await handle.read(bytes, 0, bytes.length, ref.offset);
    return decodeRecord(bytes, utterance.frames, dimension, ref.file);
  }

  /** Every utterance with its features in memory: for corpora small enough to hold at once. */
  async loadAll<T extends CachedUtterance>(utterances: readonly T[]) {
    const loaded: (T & { readonly features: FeatureMatrix })[] = [];
    for (const utterance of utterances)
      loaded.push({ ...utterance, features: await this.load(utterance) });
    return loaded;
  }

  async close(): Promise<void> {
    const files = [...this.#files.values()];
    this.#files.clear();
    const opened = await Promise.allSettled(files);
    await Promise.all(
      opened.map((file) => (file.status === "fulfilled" ? file.value.handle.close() : undefined)),
    );
  }

  #open(file: string) {
    let opened = this.#files.get(file);
    if (opened === undefined) {
      opened = openChecked(file);
      this.#files.set(file, opened);
    }
    return opened;
  }
}

/** Opens a data file and checks its magic and version before any record is read. */
export async function openChecked(file: string) {
  const handle = await open(file, "r");
  const header = new Uint8Array(HEADER_BYTES);
  await handle.read(header, 0, HEADER_BYTES, 0);
  try {
    return { handle, dimension: decodeHeader(header, file).dimension };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
