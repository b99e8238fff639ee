// RAVDESS speech set (Livingstone & Russo 2018): Actor_NN/MM-VV-EE-II-SS-RR-AA.wav, the emotion,
// intensity and actor coded in the file name; odd actors are male, even actors female.
import { basename } from "node:path";
import type { CorpusAdapter } from "../corpus-adapter.js";
import { CorpusCollector } from "../corpus-collector.js";
import { listFiles, requireCorpusRoot } from "../corpus-files.js";
import type { Gender } from "../corpus-utterance.js";

const EMOTIONS: Readonly<Record<string, string>> = {
  "01": "neutral",
  "02": "calm",
  "03": "happy",
  "04": "sad",
  "05": "angry",
  "06": "fearful",
  "07": "disgust",
  "08": "surprised",
};

const INTENSITIES: Readonly<Record<string, string>> = { "01": "normal", "02": "strong" };

const FILE_NAME = /^(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})(\.wav)?$/i;

export interface CodedFileName {
  readonly speaker: string;
  readonly gender?: Gender;
  readonly emotion: string;
  readonly intensity?: string;
}

/** Speaker, gender, emotion and intensity from a RAVDESS file name (with or without `.wav`). */
export function parseRavdessName(name: string): CodedFileName | undefined {
  const codes = FILE_NAME.exec(name);
  const emotion = EMOTIONS[codes?.[3] ?? ""];
  const intensity = INTENSITIES[codes?.[4] ?? ""];
  const actor = codes?.[7];
  if (emotion === undefined || intensity === undefined || actor === undefined) return undefined;
  const gender = Number(actor) % 2 === 1 ? "male" : "female";
  return { speaker: `ravdess_${actor}`, gender, emotion, intensity };
}

export const ravdessAdapter: CorpusAdapter = {
  name: "ravdess",
  description: "RAVDESS speech (Actor_NN/03-01-EE-II-SS-RR-AA.wav), English",
  defaultLanguage: "en",
  async read(root, options) {
    await requireCorpusRoot(root, "ravdess");
    const collector = new CorpusCollector("ravdess", root, options.emotionMapping);
    const language = options.language ?? "en";
    for (const path of await listFiles(root, ".wav")) {
      const name = basename(path);
      const coded = parseRavdessName(name);
      if (coded === undefined) {
        collector.skip(path, "bad-annotation", `${name} is not an MM-VV-EE-II-SS-RR-AA.wav name`);
        continue;
      }
      collector.addByEmotion(
        {
          id: name.slice(0, -".wav".length),
          corpus: "ravdess",
          speaker: coded.speaker,
          ...(coded.gender === undefined ? {} : { gender: coded.gender }),
          language,
          source: { kind: "audio", path },
        },
        coded.emotion,
        {
          emotion: coded.emotion,
          ...(coded.intensity === undefined ? {} : { intensity: coded.intensity }),
        },
      );
    }
    return collector.reading();
  },
};
