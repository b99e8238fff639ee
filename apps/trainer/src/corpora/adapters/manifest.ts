// Any corpus listed in a manifest CSV laid out like ../shared/corpora/manifest.csv:
// path (relative to the manifest's folder, or absolute), corpus, language, speaker, gender, emotion and/or
// valence/arousal (in [-1, 1], quadrant by sign), intensity; one row per audio file.
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import type { CorpusAdapter, CorpusReadOptions } from "../corpus-adapter.js";
import { CorpusCollector, type UnlabelledUtterance } from "../corpus-collector.js";
import type { Gender, RawLabels } from "../corpus-utterance.js";
import { parseCsvTable } from "../csv-table.js";

const REQUIRED_COLUMNS = ["path", "speaker"] as const;
const MANIFEST_FILE = "manifest.csv";

export const manifestAdapter: CorpusAdapter = {
  name: "manifest",
  description: "manifest CSV (path,corpus,language,speaker,gender,emotion|valence,arousal)",
  async read(root, options) {
    const file = await manifestFile(root);
    const table = parseCsvTable(await readFile(file, "utf8"));
    const column = columnIndex(table.columns, file, options.language !== undefined);
    const folder = dirname(file);
    const collector = new CorpusCollector("manifest", folder, options.emotionMapping);
    for (const { line, cells } of table.rows) {
      const cell = (name: string) => cellOf(cells, column(name));
      const path = isAbsolute(cell("path")) ? cell("path") : join(folder, cell("path"));
      const corpus = cell("corpus") || "manifest";
      const rawLabels = rowLabels(cell, `${file}:${line}`, collector);
      if (rawLabels === undefined) continue;
      const gender = parseGender(cell("gender"));
      const speaker = cell("speaker");
      const utterance = {
        id: relative(folder, path).replace(/\.[^./]+$/, ""),
        corpus,
        speaker: speaker.startsWith(`${corpus}_`) ? speaker : `${corpus}_${speaker}`,
        ...(gender === undefined ? {} : { gender }),
        language: options.language ?? cell("language"),
        source: { kind: "audio", path },
      } as const;
      addRow(collector, utterance, rawLabels, options);
    }
    return collector.reading();
  },
};

/** `--corpus manifest:<file.csv>` or `manifest:<folder>` holding manifest.csv. */
async function manifestFile(root: string): Promise<string> {
  const info = await stat(root).catch(() => undefined);
  const file = info?.isDirectory() === true ? join(root, MANIFEST_FILE) : root;
  if (info === undefined || (file !== root && !(await stat(file).catch(() => undefined)))) {
    throw new EmotionStreamError("CORPUS_NOT_FOUND", "manifest not found", { file });
  }
  return file;
}

/** Column lookup that fails, naming the file and column, when a required column is absent. */
function columnIndex(columns: readonly string[], file: string, languageGiven: boolean) {
  const lower = columns.map((name) => name.toLowerCase());
  for (const name of REQUIRED_COLUMNS) requireColumn(lower, name, file);
  if (!languageGiven) requireColumn(lower, "language", file);
  if (!lower.includes("emotion")) {
    for (const name of ["valence", "arousal"]) requireColumn(lower, name, file);
  }
  return (name: string) => lower.indexOf(name);
}

function requireColumn(lower: readonly string[], name: string, file: string): void {
  if (lower.includes(name)) return;
  const also = name === "valence" || name === "arousal" ? " (no emotion column either)" : "";
  throw new EmotionStreamError("BAD_FILE", `manifest has no "${name}" column${also}`, {
    file,
    field: name,
  });
}

function cellOf(cells: readonly string[], index: number): string {
  return index < 0 ? "" : (cells[index] ?? "").trim();
}

/** The row's labels; undefined (and a skip) when it has neither an emotion nor both ratings. */
function rowLabels(cell: (name: string) => string, where: string, collector: CorpusCollector) {
  const emotion = cell("emotion").toLowerCase();
  const valence = cell("valence") === "" ? undefined : Number(cell("valence"));
  const arousal = cell("arousal") === "" ? undefined : Number(cell("arousal"));
  const intensity = cell("intensity");
  const hasRatings = Number.isFinite(valence) && Number.isFinite(arousal);
  if (emotion === "" && !hasRatings) {
    collector.skip(where, "no-label", "row has neither an emotion nor valence and arousal");
    return undefined;
  }
  const labels: RawLabels = {
    ...(emotion === "" ? {} : { emotion }),
    ...(hasRatings ? { valence, arousal } : {}),
    ...(intensity === "" ? {} : { intensity }),
  };
  return labels;
}

function addRow(
  collector: CorpusCollector,
  utterance: UnlabelledUtterance,
  labels: RawLabels,
  options: CorpusReadOptions,
): void {
  const { emotion, valence, arousal } = labels;
  if (emotion !== undefined) collector.addByEmotion(utterance, emotion, labels);
  else if (valence !== undefined && arousal !== undefined) {
    collector.addByRatings(utterance, { ...labels, valence, arousal }, options.signedThresholds);
  }
}

function parseGender(value: string): Gender | undefined {
  const lower = value.toLowerCase();
  if (lower === "female" || lower === "f") return "female";
  if (lower === "male" || lower === "m") return "male";
  return undefined;
}
