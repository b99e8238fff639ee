// RAVDESS speech set (Livingstone & Russo 2018): Actor_NN/MM-VV-EE-II-SS-RR-AA.wav, the emotion,
// intensity and actor coded in the file name; odd actors are male, even actors female.
import {
  type CodedFileName,
  collectCodedWavFiles,
  type FileNameCode,
} from "../coded-file-names.js";
import { folderCorpusAdapter } from "../folder-corpus-adapter.js";

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

const RAVDESS_NAMES: FileNameCode = {
  pattern: "MM-VV-EE-II-SS-RR-AA.wav",
  parse: parseRavdessName,
};

export const ravdessAdapter = folderCorpusAdapter({
  name: "ravdess",
  description: "RAVDESS speech (Actor_NN/03-01-EE-II-SS-RR-AA.wav), English",
  language: "en",
  collect: (root, collector, language) =>
    collectCodedWavFiles(root, collector, language, RAVDESS_NAMES),
});
