// Berlin Database of Emotional Speech (Burkhardt et al. 2005): wav/SSTTTEV.wav, speaker, text,
// German emotion initial and version in the file name; speaker genders from the distribution.
import { basename, join } from "node:path";
import type { CorpusAdapter } from "../corpus-adapter.js";
import { CorpusCollector } from "../corpus-collector.js";
import { listFiles, requireCorpusFolder, requireCorpusRoot } from "../corpus-files.js";
import type { CodedFileName } from "./ravdess.js";

// German initials: Wut, Langeweile, Ekel, Angst, Freude, Trauer, Neutral.
const EMOTIONS: Readonly<Record<string, string>> = {
  W: "angry",
  L: "bored",
  E: "disgust",
  A: "fearful",
  F: "happy",
  T: "sad",
  N: "neutral",
};

const MALE_SPEAKERS = new Set(["03", "10", "11", "12", "15"]);
const FEMALE_SPEAKERS = new Set(["08", "09", "13", "14", "16"]);

const FILE_NAME = /^(\d{2})([ab]\d{2})([A-Z])([a-z])(\.wav)?$/;

/** Speaker, gender and emotion from an EmoDB file name (with or without `.wav`). */
export function parseEmodbName(name: string): CodedFileName | undefined {
  const codes = FILE_NAME.exec(name);
  const speaker = codes?.[1];
  const emotion = EMOTIONS[codes?.[3] ?? ""];
  if (speaker === undefined || emotion === undefined) return undefined;
  const gender = MALE_SPEAKERS.has(speaker)
    ? "male"
    : FEMALE_SPEAKERS.has(speaker)
      ? "female"
      : undefined;
  return { speaker: `emodb_${speaker}`, emotion, ...(gender === undefined ? {} : { gender }) };
}

export const emodbAdapter: CorpusAdapter = {
  name: "emodb",
  description: "Berlin EmoDB (wav/SSTTTEV.wav), German",
  defaultLanguage: "de",
  async read(root, options) {
    await requireCorpusRoot(root, "emodb");
    const wavFolder = join(root, "wav");
    await requireCorpusFolder(wavFolder, "emodb", "its wav/ folder");
    const collector = new CorpusCollector("emodb", root, options.emotionMapping);
    const language = options.language ?? "de";
    for (const path of await listFiles(wavFolder, ".wav")) {
      const name = basename(path);
      const coded = parseEmodbName(name);
      if (coded === undefined) {
        collector.skip(path, "bad-annotation", `${name} is not an SSTTTEV.wav name`);
        continue;
      }
      collector.addByEmotion(
        {
          id: name.slice(0, -".wav".length),
          corpus: "emodb",
          speaker: coded.speaker,
          ...(coded.gender === undefined ? {} : { gender: coded.gender }),
          language,
          source: { kind: "audio", path },
        },
        coded.emotion,
        { emotion: coded.emotion },
      );
    }
    return collector.reading();
  },
};
