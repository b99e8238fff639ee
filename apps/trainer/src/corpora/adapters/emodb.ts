// Berlin Database of Emotional Speech (Burkhardt et al. 2005): wav/SSTTTEV.wav, speaker, text,
// German emotion initial and version in the file name; speaker genders from the distribution.
import { join } from "node:path";
import {
  type CodedFileName,
  collectCodedWavFiles,
  type FileNameCode,
} from "../coded-file-names.js";
import { requireCorpusFolder } from "../corpus-files.js";
import { folderCorpusAdapter } from "../folder-corpus-adapter.js";

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

const EMODB_NAMES: FileNameCode = { pattern: "SSTTTEV.wav", parse: parseEmodbName };

export const emodbAdapter = folderCorpusAdapter({
  name: "emodb",
  description: "Berlin EmoDB (wav/SSTTTEV.wav), German",
  language: "de",
  async collect(root, collector, language) {
    const wavFolder = join(root, "wav");
    await requireCorpusFolder(wavFolder, "emodb", "its wav/ folder");
    await collectCodedWavFiles(wavFolder, collector, language, EMODB_NAMES);
  },
});
