// Every corpus adapter, by the name used in `--corpus <name>:<path>`; adding one touches this file.
import { EmotionStreamError } from "@emotion-stream/core";
import type { CorpusAdapter } from "../corpus-adapter.js";
import { emodbAdapter } from "./emodb.js";
import { iemocapAdapter } from "./iemocap.js";
import { manifestAdapter } from "./manifest.js";
import { opensmileAdapter } from "./opensmile.js";
import { ravdessAdapter } from "./ravdess.js";
import { recolaAdapter } from "./recola.js";

const ADAPTERS: readonly CorpusAdapter[] = [
  ravdessAdapter,
  emodbAdapter,
  iemocapAdapter,
  recolaAdapter,
  manifestAdapter,
  opensmileAdapter,
];

export const ADAPTER_NAMES: readonly string[] = ADAPTERS.map((adapter) => adapter.name);

/** The adapter called `name`; UNKNOWN_ADAPTER listing the registered names otherwise. */
export function getCorpusAdapter(name: string): CorpusAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.name === name);
  if (adapter === undefined) {
    throw new EmotionStreamError("UNKNOWN_ADAPTER", `unknown corpus adapter "${name}"`, {
      value: name,
      allowed: ADAPTER_NAMES,
    });
  }
  return adapter;
}
