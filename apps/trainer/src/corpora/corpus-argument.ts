// `--corpus <adapter>:<path>[:<language>]`, the one way every trainer command names a corpus.
// The path is resolved against the user's directory; a Windows drive letter (`C:\...`) stays
// part of the path.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import { ADAPTER_NAMES, getCorpusAdapter } from "./adapters/registry.js";

export interface CorpusArgument {
  readonly adapter: string;
  /** Absolute path of the corpus root (or manifest / feature file). */
  readonly path: string;
  readonly language?: string;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DRIVE_LETTER = /^[A-Za-z]$/;
const USAGE = "expected <adapter>:<path>[:<language>]";

export function parseCorpusArgument(text: string, cwd: string = process.cwd()): CorpusArgument {
  const separator = text.indexOf(":");
  const adapter = separator < 0 ? "" : text.slice(0, separator).toLowerCase();
  let rest = separator < 0 ? "" : text.slice(separator + 1);
  if (adapter === "" || rest === "") {
    throw new EmotionStreamError("BAD_CORPUS_ARGUMENT", `--corpus "${text}": ${USAGE}`, {
      value: text,
      allowed: ADAPTER_NAMES,
    });
  }
  getCorpusAdapter(adapter);
  const last = rest.lastIndexOf(":");
  const tail = last < 0 ? "" : rest.slice(last + 1);
  let language: string | undefined;
  const head = rest.slice(0, last);
  if (last > 0 && !DRIVE_LETTER.test(head) && LANGUAGE.test(tail)) {
    language = tail;
    rest = head;
  }
  const path = resolve(cwd, rest);
  if (!existsSync(path)) {
    throw new EmotionStreamError("CORPUS_NOT_FOUND", `--corpus "${text}": ${path} does not exist`, {
      file: path,
      allowed: ADAPTER_NAMES,
    });
  }
  return { adapter, path, ...(language === undefined ? {} : { language }) };
}

/** commander's collector for a repeatable `--corpus`. */
export function collectCorpusArgument(text: string, previous: readonly CorpusArgument[]) {
  return [...previous, parseCorpusArgument(text)];
}
