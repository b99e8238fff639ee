import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findRunDirectories,
  RUN_FILES,
  readReportRows,
  readRunStatus,
  renderMarkdown,
  type StudyTable,
  studyTables,
} from "@emotion-stream/artifacts";
import { MODEL_CARD_METADATA_KEY, parseModelCard } from "@emotion-stream/core";
import { writeSyntheticCorpus } from "@emotion-stream/synthetic-speech/node";
import onnxProto from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluationOptions,
  runTrainerCli,
  type TrainedTestRun,
  trainTestRun,
} from "../../test/fixtures/trained-test-run.js";
import { evaluateModel } from "./evaluate-model.js";

let directory: string;
let corpus: string;
let trained: TrainedTestRun;

const options = (corpusArgument: string, modelPath: string, runsDir?: string) =>
  evaluationOptions(corpusArgument, modelPath, directory, runsDir);

async function evaluateModelCard() {
  return parseModelCard(
    JSON.parse(await readFile(join(trained.runDirectory, RUN_FILES.modelCard), "utf8")),
  );
}

/** The synthetic manifest with `edit` applied to its rows, written beside it as `<name>`. */
async function editedManifest(
  name: string,
  edit: (rows: string[][]) => string[][],
): Promise<string> {
  const [header, ...lines] = (await readFile(join(corpus, "manifest.csv"), "utf8"))
    .trim()
    .split("\n");
  const rows = edit([(header as string).split(","), ...lines.map((line) => line.split(","))]);
  const file = join(corpus, name);
  await writeFile(file, `${rows.map((row) => row.join(",")).join("\n")}\n`);
  return file;
}

/** The exported ONNX file with its embedded card changed by `edit`. */
async function onnxWithCard(
  name: string,
  edit: (card: Record<string, unknown>) => void,
): Promise<string> {
  const model = onnxProto.onnx.ModelProto.decode(await readFile(trained.onnxFile));
  const entry = model.metadataProps.find((prop) => prop.key === MODEL_CARD_METADATA_KEY);
  const card = JSON.parse(entry?.value ?? "{}") as Record<string, unknown>;
  edit(card);
  if (entry) entry.value = JSON.stringify(card);
  const file = join(directory, name);
  await writeFile(file, onnxProto.onnx.ModelProto.encode(model).finish());
  return file;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "evaluate-model-"));
  corpus = join(directory, "corpus");
  await writeSyntheticCorpus(corpus, { speakersPerLanguage: 2, utterancesPerClass: 2 });
  trained = await trainTestRun(`manifest:${corpus}`, directory);
}, 120_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("evaluating a trained model and its ONNX export", () => {
  it("gives identical decisions and metrics on tfjs and onnxruntime, in a finished run", async () => {
    const tfjs = await evaluateModel(options(`manifest:${corpus}`, trained.runDirectory));
    const onnx = await evaluateModel(options(`manifest:${corpus}`, trained.onnxFile));
    expect(tfjs.evaluation.testSets.map((set) => set.testSet)).toEqual([
      "synthetic/synth-stress",
      "synthetic/synth-syllable",
    ]);
    expect(tfjs.evaluation.testSets.reduce((total, set) => total + set.decisions.length, 0)).toBe(
      32,
    );
    expect(onnx.evaluation.testSets.map((set) => set.decisions)).toEqual(
      tfjs.evaluation.testSets.map((set) => set.decisions),
    );
    expect(onnx.evaluation.testSets.map((set) => set.metrics)).toEqual(
      tfjs.evaluation.testSets.map((set) => set.metrics),
    );
    for (const { run } of [tfjs, onnx]) {
      expect((await readRunStatus(run.path)).status).toBe("finished");
      const config = JSON.parse(await readFile(join(run.path, RUN_FILES.config), "utf8"));
      expect(config.experiment).toMatchObject({
        kind: "evaluate",
        testCorpora: ["synthetic/synth-stress", "synthetic/synth-syllable"],
      });
      expect(config.languages["synthetic/synth-syllable"]).toBe("synth-syllable");
      expect(config.normalisation).toContain("per-frame L2");
    }
    const metricsFile = (path: string) => readFile(join(path, RUN_FILES.metrics), "utf8");
    expect(await metricsFile(onnx.run.path)).toBe(await metricsFile(tfjs.run.path));
  }, 60_000);

  it("are listed by the report: experiment evaluate, train corpora from the card, test corpus and language", async () => {
    const runs = join(directory, "report-runs");
    await evaluateModel(options(`manifest:${corpus}`, trained.onnxFile, runs));
    const { rows, unfinished } = await readReportRows(await findRunDirectories([runs]));
    expect(unfinished).toEqual([]);
    // Train corpora and their languages come from the model card.
    const [trainCorpus] = (await evaluateModelCard()).trainingData.corpora;
    expect(
      rows.map((row) => [
        row.experiment,
        row.preset,
        row.trainCorpora,
        row.trainLanguages,
        row.testCorpus,
        row.testLanguage,
        row.seed,
      ]),
    ).toEqual([
      [
        "evaluate",
        "paper",
        [trainCorpus?.name],
        [trainCorpus?.language],
        "synthetic/synth-stress",
        "synth-stress",
        null,
      ],
      [
        "evaluate",
        "paper",
        [trainCorpus?.name],
        [trainCorpus?.language],
        "synthetic/synth-syllable",
        "synth-syllable",
        null,
      ],
    ]);
    const [table] = studyTables(rows);
    expect(table?.columns).toEqual(["evaluate"]);
    expect(renderMarkdown(table as StudyTable)).toContain("| | evaluate |");
  }, 60_000);

  it("skips unmapped labels counted per label and unreadable files listed, and evaluates the rest", async () => {
    await writeFile(join(corpus, "broken.wav"), "not a wav file");
    const manifest = await editedManifest("edited.csv", ([header, ...rows]) => {
      const emotion = (header as string[]).indexOf("emotion");
      const edited = rows.map((row, index) => {
        if (index < 3) row[emotion] = "surprised";
        else if (index === 3) row[emotion] = "meh";
        return row;
      });
      const broken = [...(rows[4] as string[])];
      broken[0] = "broken.wav";
      return [header as string[], ...edited, broken];
    });
    const { run, skipped, evaluation } = await evaluateModel(
      options(`manifest:${manifest}`, trained.onnxFile),
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.labels).toEqual({ surprised: 3, meh: 1 });
    expect(skipped[0]?.unreadableFiles.map((item) => item.file)).toEqual([
      join(corpus, "broken.wav"),
    ]);
    expect(evaluation.testSets.reduce((total, set) => total + set.metrics.items, 0)).toBe(28);
    const data = JSON.parse(await readFile(join(run.path, RUN_FILES.data), "utf8"));
    expect(data.skipped[0].labels).toEqual({ surprised: 3, meh: 1 });
  }, 60_000);

  it("with --labels evaluates only those words; the others are skipped and counted per label", async () => {
    const { run, skipped, evaluation } = await evaluateModel({
      ...options(`manifest:${corpus}`, trained.onnxFile),
      labels: ["happy", "Angry", "sad"],
    });
    expect(skipped[0]?.labels).toEqual({ calm: 8 });
    expect(evaluation.testSets.reduce((total, set) => total + set.metrics.items, 0)).toBe(24);
    const config = JSON.parse(await readFile(join(run.path, RUN_FILES.config), "utf8"));
    expect(config.labelTable).toContain("restricted to --labels happy, Angry, sad");
    await expect(
      evaluateModel({ ...options(`manifest:${corpus}`, trained.onnxFile), labels: ["glee"] }),
    ).rejects.toMatchObject({ code: "BAD_ARGUMENT", details: { field: "--labels" } });
  }, 60_000);
});

describe("evaluating after AdaBN (--adapt-batchnorm)", () => {
  it("scores a run's model with batch-norm statistics from each test set, says so, and leaves the model as trained", async () => {
    const withBatchNorm = await trainTestRun(
      `manifest:${corpus}`,
      join(directory, "batchnorm"),
      "lld-statpool-mlp",
    );
    const runs = join(directory, "adapted-evaluations");
    const plain = await evaluateModel(
      options(`manifest:${corpus}`, withBatchNorm.runDirectory, runs),
    );
    const adapted = await evaluateModel({
      ...options(`manifest:${corpus}`, withBatchNorm.runDirectory, runs),
      adaptation: "batchnorm",
    });
    expect(adapted.evaluation.testSets.map((set) => set.metrics.adaptation)).toEqual([
      "batchnorm",
      "batchnorm",
    ]);
    expect(plain.evaluation.testSets.map((set) => set.metrics.adaptation)).toEqual([
      undefined,
      undefined,
    ]);
    const config = JSON.parse(await readFile(join(adapted.run.path, RUN_FILES.config), "utf8"));
    expect(config.adaptation).toBe("batchnorm");
    const again = await evaluateModel(
      options(`manifest:${corpus}`, withBatchNorm.runDirectory, runs),
    );
    expect(again.evaluation.testSets.map((set) => set.metrics)).toEqual(
      plain.evaluation.testSets.map((set) => set.metrics),
    );
    const { rows } = await readReportRows(await findRunDirectories([adapted.run.path]));
    expect(rows.map((row) => row.adaptation)).toEqual(["batchnorm", "batchnorm"]);
  }, 180_000);

  it("refuses an ONNX file and a preset without batch normalisation before any run is written", async () => {
    const runs = join(directory, "refused-adaptation");
    for (const model of [trained.onnxFile, trained.runDirectory]) {
      await expect(
        evaluateModel({ ...options(`manifest:${corpus}`, model, runs), adaptation: "batchnorm" }),
      ).rejects.toMatchObject({
        code: "BAD_ARGUMENT",
        details: { file: model, field: "--adapt-batchnorm" },
      });
    }
    expect(await readdir(runs).catch(() => [])).toEqual([]);
  });
});

describe("evaluation refusals, before any run is written", () => {
  const refusalRuns = () => join(directory, "refused");
  const expectNoRun = async () => expect(await readdir(refusalRuns()).catch(() => [])).toEqual([]);

  it("refuses a card whose feature set differs from what the extractor computes", async () => {
    const file = await onnxWithCard("other-spec.onnx", (card) => {
      (card.featureSet as { sampleRate: number }).sampleRate = 8000;
    });
    await expect(
      evaluateModel(options(`manifest:${corpus}`, file, refusalRuns())),
    ).rejects.toMatchObject({
      code: "FEATURE_SPEC_MISMATCH",
      details: { file: `${file} metadata_props.model_card`, field: "featureSet.sampleRate" },
    });
    await expectNoRun();
  });

  it("refuses a model whose frame count differs from its card's window", async () => {
    const file = await onnxWithCard("other-window.onnx", (card) => {
      (card.window as { windowFrames: number }).windowFrames += 1;
    });
    await expect(
      evaluateModel(options(`manifest:${corpus}`, file, refusalRuns())),
    ).rejects.toMatchObject({
      code: "BAD_MODEL",
      details: { file, field: "window.windowFrames" },
    });
  });

  it("refuses a run whose tfjs model does not take its card's window, naming the field", async () => {
    const run = join(directory, "other-window-run");
    await cp(trained.runDirectory, run, { recursive: true });
    const cardFile = join(run, RUN_FILES.modelCard);
    const card = JSON.parse(await readFile(cardFile, "utf8"));
    card.window.windowFrames += 1;
    await writeFile(cardFile, JSON.stringify(card));
    await expect(
      evaluateModel(options(`manifest:${corpus}`, run, refusalRuns())),
    ).rejects.toMatchObject({
      code: "BAD_MODEL",
      details: { file: join(run, "model"), field: "window.windowFrames" },
    });
  });

  it("refuses a corpus with no label the card's table maps", async () => {
    const manifest = await editedManifest("unmapped.csv", ([header, ...rows]) => {
      const emotion = (header as string[]).indexOf("emotion");
      return [
        header as string[],
        ...rows.map((row) => row.map((cell, index) => (index === emotion ? "surprised" : cell))),
      ];
    });
    await expect(
      evaluateModel(options(`manifest:${manifest}`, trained.onnxFile, refusalRuns())),
    ).rejects.toMatchObject({
      code: "EMPTY_CORPUS",
      details: { file: manifest, field: "emotion", received: "surprised (32)" },
    });
    await expectNoRun();
  });

  it("refuses a manifest with a missing column, naming it", async () => {
    const manifest = await editedManifest("no-speaker.csv", (rows) => {
      const speaker = (rows[0] as string[]).indexOf("speaker");
      return rows.map((row) => row.filter((_, index) => index !== speaker));
    });
    await expect(
      evaluateModel(options(`manifest:${manifest}`, trained.onnxFile, refusalRuns())),
    ).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { file: manifest, field: "speaker" },
    });
  });

  it("prints a refusal as one line on the command line", async () => {
    const file = await onnxWithCard("cli-spec.onnx", (card) => {
      (card.featureSet as { frameStepSeconds: number }).frameStepSeconds = 0.02;
    });
    const result = await runTrainerCli([
      "evaluate",
      "--model",
      file,
      "--corpus",
      `manifest:${corpus}`,
      "--workers",
      "0",
      "--cache",
      join(directory, "cache"),
      "--runs",
      refusalRuns(),
    ]).catch((error: { code: number; stderr: string }) => error);
    expect("code" in result ? result.code : 0).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error FEATURE_SPEC_MISMATCH: .*cli-spec\.onnx metadata_props\.model_card.*field featureSet\.frameStepSeconds/,
    );
  }, 30_000);
});
