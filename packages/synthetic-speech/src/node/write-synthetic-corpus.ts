// Writes the synthetic corpus in the shared manifest layout (16-bit PCM WAVs + manifest.csv with
// path,corpus,language,speaker,gender,emotion,intensity,duration_s), so the manifest adapter reads it
// like any real corpus. A corpus.json records the options; the same options are not generated twice.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { encodeWavPcm16 } from "@emotion-stream/features";
import {
  planSyntheticCorpus,
  type SyntheticCorpusOptions,
  synthesizeUtterance,
  syntheticCorpusOptionsSchema,
} from "../synthetic-corpus.js";

const CORPUS_FORMAT = { format: "emotion-stream/synthetic-corpus", version: 1 } as const;

export interface WriteSyntheticCorpusResult {
  readonly directory: string;
  readonly manifestPath: string;
  readonly utterances: number;
  readonly seconds: number;
  /** False when an identical corpus was already there. */
  readonly generated: boolean;
}

export async function writeSyntheticCorpus(
  directory: string,
  options: Partial<SyntheticCorpusOptions> = {},
  onProgress?: (done: number, total: number) => void,
): Promise<WriteSyntheticCorpusResult> {
  const resolved = syntheticCorpusOptionsSchema.parse(options);
  const manifestPath = join(directory, "manifest.csv");
  const description = JSON.stringify({ ...CORPUS_FORMAT, options: resolved }, null, 2);
  const existing = await readFile(join(directory, "corpus.json"), "utf8").catch(() => null);
  if (existing === description) {
    const manifest = await readFile(manifestPath, "utf8");
    const rows = manifest.trim().split("\n").slice(1);
    const seconds = rows.reduce((sum, row) => sum + Number(row.split(",").at(-1)), 0);
    return { directory, manifestPath, utterances: rows.length, seconds, generated: false };
  }

  // Forget the old description first: files of other options are overwritten in place below.
  await rm(join(directory, "corpus.json"), { force: true });
  const utterances = planSyntheticCorpus(resolved);
  const rows = ["path,corpus,language,speaker,gender,emotion,intensity,duration_s"];
  let seconds = 0;
  for (const [index, utterance] of utterances.entries()) {
    const samples = synthesizeUtterance(utterance, resolved);
    const path = join(directory, utterance.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, encodeWavPcm16(samples, resolved.sampleRate));
    const duration = samples.length / resolved.sampleRate;
    seconds += duration;
    rows.push(
      [
        utterance.path,
        "synthetic",
        utterance.language,
        utterance.speaker,
        utterance.gender,
        utterance.emotion,
        "normal",
        duration.toFixed(3),
      ].join(","),
    );
    onProgress?.(index + 1, utterances.length);
  }
  // The manifest and corpus.json are written last and renamed into place: an interrupted run leaves
  // no manifest that points at missing files and is regenerated next time.
  await writeFile(`${manifestPath}.tmp`, `${rows.join("\n")}\n`);
  await rename(`${manifestPath}.tmp`, manifestPath);
  await writeFile(join(directory, "corpus.json"), description);
  return { directory, manifestPath, utterances: utterances.length, seconds, generated: true };
}
