// The utterances the demo producer plays: rows of a manifest.csv in the shared layout (the
// synthetic held-out corpus is one). Paths are resolved against the manifest's folder.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EmotionStreamError, languageTagSchema } from "@emotion-stream/core";

export interface HeldOutUtterance {
  /** Absolute path of the WAV file. */
  readonly path: string;
  readonly speaker: string;
  /** The emotion word the corpus labels it with (happy, angry, sad, calm, ...). */
  readonly emotion: string;
  /** The manifest's `language` cell (e.g. `en`), when it has that column and the cell is filled. */
  readonly language?: string;
}

export async function readHeldOutUtterances(manifestPath: string): Promise<HeldOutUtterance[]> {
  const text = await readFile(manifestPath, "utf8").catch((cause: unknown) => {
    throw new EmotionStreamError(
      "FILE_NOT_FOUND",
      "no manifest to stream from",
      { file: manifestPath },
      { cause },
    );
  });
  const [header = "", ...rows] = text.trim().split(/\r?\n/);
  const columns = header.split(",").map((name) => name.trim().toLowerCase());
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) {
      throw new EmotionStreamError("BAD_FILE", `manifest has no "${name}" column`, {
        file: manifestPath,
        field: name,
      });
    }
    return index;
  };
  const [path, speaker, emotion] = [column("path"), column("speaker"), column("emotion")];
  // Optional: corpora in the shared layout have it, hand-written playlists may not.
  const language = columns.indexOf("language");
  const folder = dirname(manifestPath);
  const utterances = rows.map((row) => {
    const cells = row.split(",");
    return {
      path: join(folder, cells[path] ?? ""),
      speaker: cells[speaker] ?? "",
      emotion: cells[emotion] ?? "",
      ...(cells[language]?.trim() ? { language: cells[language].trim() } : {}),
    };
  });
  if (utterances.length === 0) {
    throw new EmotionStreamError("EMPTY_CORPUS", "the manifest lists no utterance", {
      file: manifestPath,
    });
  }
  return utterances;
}

/**
 * The demo's one stream carries the whole playlist, so it declares a language only when every
 * utterance has the same one, written as a language tag (the shared manifests say `en`, `de`).
 */
export function playlistLanguage(utterances: readonly HeldOutUtterance[]): { language?: string } {
  const [language, ...others] = new Set(utterances.map((utterance) => utterance.language));
  if (others.length > 0 || language === undefined) return {};
  return languageTagSchema.safeParse(language).success ? { language } : {};
}
