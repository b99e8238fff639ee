import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPORA_DIR, HAS_CORPORA } from "../../test/fixtures/shared-corpora.js";
import {
  evaluationOptions,
  type TrainedTestRun,
  trainTestRun,
} from "../../test/fixtures/trained-test-run.js";
import { evaluateModel } from "./evaluate-model.js";

let directory: string;
let trained: TrainedTestRun;

/**
 * A manifest beside the test's files listing the shared manifest's rows that `keep` selects, with
 * paths made relative to its own folder: the real files, read through the manifest adapter.
 */
async function subsetManifest(
  name: string,
  keep: (row: Record<string, string>) => boolean,
): Promise<string> {
  const [header, ...lines] = (await readFile(join(CORPORA_DIR, "manifest.csv"), "utf8"))
    .trim()
    .split("\n");
  const columns = (header as string).split(",");
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(",").map((cell, index) => [columns[index], cell])),
  );
  const kept = rows.filter(keep).map((row) => {
    const path = relative(directory, join(CORPORA_DIR, row.path as string));
    return columns.map((column) => (column === "path" ? path : row[column])).join(",");
  });
  const file = join(directory, name);
  await writeFile(file, `${[header, ...kept].join("\n")}\n`);
  return file;
}

const options = (manifest: string, modelPath: string) =>
  evaluationOptions(`manifest:${manifest}`, modelPath, directory);

describe.skipIf(!HAS_CORPORA)("evaluating across the shared corpora (EmoDB -> RAVDESS)", () => {
  let ravdess: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "evaluate-shared-"));
    // Four EmoDB speakers train a one-epoch paper CNN; two RAVDESS actors are the unseen test.
    const emodbSpeakers = new Set(["emodb_03", "emodb_08", "emodb_09", "emodb_10"]);
    const emodb = await subsetManifest("emodb.csv", (row) =>
      emodbSpeakers.has(row.speaker as string),
    );
    ravdess = await subsetManifest("ravdess.csv", (row) =>
      ["ravdess_01", "ravdess_02"].includes(row.speaker as string),
    );
    trained = await trainTestRun(`manifest:${emodb}`, directory);
  }, 180_000);

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("gives identical decisions and metrics on the tfjs model and its ONNX export", async () => {
    const tfjs = await evaluateModel(options(ravdess, trained.runDirectory));
    const onnx = await evaluateModel(options(ravdess, trained.onnxFile));
    const [testSet] = tfjs.evaluation.testSets;
    expect(tfjs.evaluation.testSets).toHaveLength(1);
    expect([testSet?.testSet, testSet?.language, testSet?.speakers, testSet?.utterances]).toEqual([
      "ravdess",
      "en",
      2,
      72,
    ]);
    expect(onnx.evaluation.testSets.map((set) => set.decisions)).toEqual(
      tfjs.evaluation.testSets.map((set) => set.decisions),
    );
    expect(onnx.evaluation.testSets.map((set) => set.metrics)).toEqual(
      tfjs.evaluation.testSets.map((set) => set.metrics),
    );
    expect(tfjs.skipped).toEqual([
      { corpus: `manifest:${ravdess}`, labels: {}, unreadableFiles: [], otherReasons: {} },
    ]);
  }, 120_000);
});
