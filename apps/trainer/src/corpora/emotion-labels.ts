// `--labels happy,angry,sad,neutral`: the emotion words a command keeps. Every other word of the
// emotion table maps to nothing, so its utterances are skipped and counted, as unknown words are;
// a listed word the table does not map is refused, naming it.
import { EmotionStreamError, type EmotionTable, normaliseEmotionWord } from "@emotion-stream/core";

export function restrictEmotionTable(
  table: EmotionTable,
  labels: readonly string[],
  whose: string,
): EmotionTable {
  const kept = new Set(labels.map(normaliseEmotionWord));
  for (const word of kept) {
    if (table[word] == null) {
      throw new EmotionStreamError(
        "BAD_ARGUMENT",
        `--labels: "${word}" is not a mapped word of ${whose}`,
        { file: "command line", field: "--labels", value: word },
      );
    }
  }
  return Object.fromEntries(
    Object.entries(table).map(([word, quadrant]) => [word, kept.has(word) ? quadrant : null]),
  );
}
