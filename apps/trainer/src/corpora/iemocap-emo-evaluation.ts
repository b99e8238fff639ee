// Parser of IEMOCAP's per-dialog EmoEvaluation files. The summary line of each utterance reads
// `[START - END]\tTURN_NAME\tEMOTION\t[V, A, D]` (seconds; 3-letter category; mean valence,
// activation and dominance on 1-5); the evaluator lines under it (`C-E1:`, `A-E2:`) are not needed.

export interface EmoEvaluation {
  readonly turnName: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** IEMOCAP's 3-letter category (`neu`, `hap`, `exc`, ..., `xxx` when evaluators disagreed). */
  readonly category: string;
  readonly valence: number;
  readonly activation: number;
  readonly dominance: number;
}

export interface EmoEvaluationProblem {
  readonly line: number;
  readonly text: string;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const SUMMARY_LINE = new RegExp(
  String.raw`^\[${NUMBER}\s*-\s*${NUMBER}\]\s+(\S+)\s+(\S+)\s+\[${NUMBER},\s*${NUMBER},\s*${NUMBER}\]\s*$`,
);

/** Summary lines of one EmoEvaluation file; lines that start with `[` but do not parse are problems. */
export function parseEmoEvaluation(text: string): {
  evaluations: EmoEvaluation[];
  problems: EmoEvaluationProblem[];
} {
  const evaluations: EmoEvaluation[] = [];
  const problems: EmoEvaluationProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.startsWith("[")) return;
    const match = SUMMARY_LINE.exec(line);
    if (match === null) {
      problems.push({ line: index + 1, text: line });
      return;
    }
    const [, start, end, turnName, category, valence, activation, dominance] = match;
    evaluations.push({
      turnName: turnName ?? "",
      startSeconds: Number(start),
      endSeconds: Number(end),
      category: category ?? "",
      valence: Number(valence),
      activation: Number(activation),
      dominance: Number(dominance),
    });
  });
  return { evaluations, problems };
}

/** IEMOCAP's category codes in the project's emotion words; `xxx` (no majority) has none. */
export const IEMOCAP_CATEGORIES: Readonly<Record<string, string>> = {
  neu: "neutral",
  hap: "happy",
  exc: "excited",
  sad: "sad",
  ang: "angry",
  fru: "frustrated",
  sur: "surprised",
  fea: "fearful",
  dis: "disgust",
  oth: "other",
};

const TURN_NAME = /^Ses(\d{2})[FM]_.+_([FM])\d{3}$/;

/** Session and speaker gender from a turn name: `Ses01F_impro01_M003` -> session 01, male. */
export function speakerOfTurn(
  turnName: string,
): { session: string; gender: "female" | "male" } | undefined {
  const match = TURN_NAME.exec(turnName);
  if (match === null) return undefined;
  return { session: match[1] ?? "", gender: match[2] === "F" ? "female" : "male" };
}
