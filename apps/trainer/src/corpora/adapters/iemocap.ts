// IEMOCAP (Busso et al. 2008): Session1..5/sentences/wav/<dialog>/<turn>.wav, labelled by
// Session*/dialog/EmoEvaluation/<dialog>.txt; each session has one female and one male actor.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CorpusReadOptions } from "../corpus-adapter.js";
import type { CorpusCollector } from "../corpus-collector.js";
import { listFiles, listFolders } from "../corpus-files.js";
import { folderCorpusAdapter } from "../folder-corpus-adapter.js";
import {
  type EmoEvaluation,
  IEMOCAP_CATEGORIES,
  parseEmoEvaluation,
  speakerOfTurn,
} from "../iemocap-emo-evaluation.js";

export const iemocapAdapter = folderCorpusAdapter({
  name: "iemocap",
  description: "IEMOCAP (Session*/sentences/wav + dialog/EmoEvaluation), English",
  language: "en",
  async collect(root, collector, language, options) {
    const sessions = await listFolders(root, /^Session\d+$/);
    if (sessions.length === 0) {
      collector.skip(root, "bad-annotation", "no Session<N> folders under the IEMOCAP root");
    }
    for (const session of sessions) {
      await readSession(join(root, session), collector, language, options);
    }
  },
});

async function readSession(
  sessionDir: string,
  collector: CorpusCollector,
  language: string,
  options: CorpusReadOptions,
): Promise<void> {
  const wavRoot = join(sessionDir, "sentences", "wav");
  const wavFiles = new Set(await listFiles(wavRoot, ".wav").catch(() => []));
  const evaluationDir = join(sessionDir, "dialog", "EmoEvaluation");
  const evaluationFiles = await readdir(evaluationDir, { withFileTypes: true }).catch(() => []);
  for (const entry of evaluationFiles.filter((e) => e.isFile() && isEvaluationFile(e.name))) {
    const file = join(evaluationDir, entry.name);
    const { evaluations, problems } = parseEmoEvaluation(await readFile(file, "utf8"));
    for (const problem of problems) {
      collector.skip(
        `${file}:${problem.line}`,
        "bad-annotation",
        `unreadable line: ${problem.text}`,
      );
    }
    const dialog = entry.name.slice(0, -".txt".length);
    for (const evaluation of evaluations) {
      const wav = join(wavRoot, dialog, `${evaluation.turnName}.wav`);
      if (!wavFiles.delete(wav)) {
        collector.skip(wav, "unreadable-file", `no audio for ${evaluation.turnName}`);
        continue;
      }
      addTurn(collector, wav, evaluation, language, options);
    }
  }
  for (const wav of wavFiles) {
    collector.skip(wav, "no-label", `${basename(wav)} has no EmoEvaluation line`);
  }
}

function addTurn(
  collector: CorpusCollector,
  wav: string,
  evaluation: EmoEvaluation,
  language: string,
  options: CorpusReadOptions,
): void {
  const speaker = speakerOfTurn(evaluation.turnName);
  if (speaker === undefined) {
    collector.skip(wav, "bad-annotation", `${evaluation.turnName} is not a SesNNX_..._XNNN name`);
    return;
  }
  const utterance = {
    id: evaluation.turnName,
    corpus: "iemocap",
    speaker: `iemocap_Ses${speaker.session}_${speaker.gender === "female" ? "F" : "M"}`,
    gender: speaker.gender,
    language,
    source: { kind: "audio", path: wav },
  } as const;
  const emotion = IEMOCAP_CATEGORIES[evaluation.category];
  const rawLabels = {
    ...(emotion === undefined ? {} : { emotion }),
    valence: evaluation.valence,
    arousal: evaluation.activation,
    dominance: evaluation.dominance,
  };
  if (options.iemocapLabels === "category") {
    collector.addByEmotion(utterance, emotion ?? evaluation.category, rawLabels);
  } else {
    collector.addByRatings(utterance, rawLabels, options.iemocapThresholds);
  }
}

// The folder also holds a `Categorical/`, `Attribute/` and `Self-evaluation/` subfolder and
// macOS `._` twins; only the top-level `<dialog>.txt` files carry the summary lines.
function isEvaluationFile(name: string): boolean {
  return name.endsWith(".txt") && name.startsWith("Ses");
}
