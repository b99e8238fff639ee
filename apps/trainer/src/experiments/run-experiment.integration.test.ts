import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findRunDirectories,
  RUN_FILES,
  readReportRows,
  studyTables,
} from "@emotion-stream/artifacts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tone, writeWav } from "../../test/fixtures/wav-fixture.js";
import { parseCorpusOptions } from "../corpora/corpus-options.js";
import { defaultLabellingOptions } from "../corpora/read-corpora.js";
import { splitBySpeaker } from "../dataset/dataset-split.js";
import { evaluateModel } from "../evaluation/evaluate-model.js";
import { loadCachedCorpora } from "../feature-cache/load-cached-corpora.js";
import type { ModelPreset } from "../models/model-preset.js";
import { getPreset } from "../models/presets/registry.js";
import { exportRunToOnnx, loadRun, writeOnnxFile } from "../onnx-export/export-run.js";
import { selectBackend } from "../tfjs/backend.js";
import { experimentSplit, runExperiment } from "./run-experiment.js";
import { studyPlan } from "./study-plan.js";

const EMOTIONS = ["happy", "angry", "sad", "calm"] as const;

/** A manifest corpus of 1-s tones: 6 speakers x 4 emotions, pitch by emotion. */
async function writeToneCorpus(root: string, corpus: string, language: string): Promise<void> {
  const lines = ["path,corpus,language,speaker,gender,emotion"];
  for (let speaker = 0; speaker < 6; speaker++) {
    for (const [index, emotion] of EMOTIONS.entries()) {
      const path = `${speaker}/${emotion}.wav`;
      await writeWav(join(root, path), tone(1, 16000, 150 + 120 * index + 7 * speaker));
      lines.push(`${path},${corpus},${language},${corpus}_${speaker},female,${emotion}`);
    }
  }
  await writeFile(join(root, "manifest.csv"), `${lines.join("\n")}\n`);
}

/** Both tone corpora through the feature cache, as the experiment command loads them. */
function loadToneCorpora(directory: string, featureSet: string) {
  return loadCachedCorpora({
    corpora: [
      { adapter: "manifest", path: join(directory, "en"), language: "en" },
      { adapter: "manifest", path: join(directory, "de"), language: "de" },
    ],
    labelling: defaultLabellingOptions(),
    featureSet,
    cacheDir: join(directory, "cache"),
    workers: 0,
  });
}

/** One-epoch settings for `preset` on `featureSet`, written under `runsDir`. */
function quickSettings(
  directory: string,
  preset: ModelPreset,
  featureSet: string,
  runsDir: string,
) {
  return {
    preset,
    recipe: { ...preset.recipe, epochs: 1, batchSize: 8 },
    seed: 1,
    backend: "wasm" as const,
    threads: 1,
    runsDir,
    corpusOptions: {
      corpora: [],
      labelling: defaultLabellingOptions(),
      featureSet,
      cacheDir: join(directory, "cache"),
    },
  };
}

describe("the study's experiments end to end on two tiny corpora", () => {
  let directory = "";
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "experiment-"));
    await writeToneCorpus(join(directory, "en"), "tones_en", "en");
    await writeToneCorpus(join(directory, "de"), "tones_de", "de");
    await selectBackend("wasm");
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("writes one finished run per experiment that the report lays out per test corpus", async () => {
    const loaded = await loadToneCorpora(directory, "mfcc0_12");
    const settings = {
      ...quickSettings(directory, getPreset("paper"), "mfcc0_12", join(directory, "runs")),
      languageMixing: { kind: "alternate" as const },
      normalisation: "corpus" as const,
    };
    try {
      const split = splitBySpeaker(loaded.utterances, 1);
      for (const experiment of studyPlan(["tones_en", "tones_de"])) {
        await runExperiment(loaded, experimentSplit(split, experiment), experiment, settings);
      }
    } finally {
      await loaded.store.close();
    }
    const { rows, unfinished } = await readReportRows(
      await findRunDirectories([join(directory, "runs")]),
    );
    expect(unfinished).toEqual([]);
    expect(rows.map((row) => `${row.experiment}:${row.testCorpus}`).sort()).toEqual([
      "cross:tones_de",
      "cross:tones_en",
      "mono:tones_de",
      "mono:tones_en",
      "multi:tones_de",
      "multi:tones_en",
    ]);
    const multi = rows.find((row) => row.experiment === "multi");
    const card = JSON.parse(await readFile(join(multi?.run ?? "", RUN_FILES.modelCard), "utf8"));
    expect(
      card.trainingData.corpora.map(
        (c: { name: string; language: string }) => `${c.name}/${c.language}`,
      ),
    ).toEqual(["tones_en/en", "tones_de/de"]);
    const tables = studyTables(rows);
    expect(
      tables
        .map((table) => `${table.testCorpus} ${table.testLanguage} ${table.columns.join("/")}`)
        .sort(),
    ).toEqual(["tones_de de mono/multi/cross", "tones_en en mono/multi/cross"]);
  }, 120_000);

  it("with AdaBN also scores the corpus a run did not train on after adapting, and only that one", async () => {
    const loaded = await loadToneCorpora(directory, "is09_lld");
    const preset = getPreset("lld-statpool-mlp");
    const runsDir = join(directory, "adapted-runs");
    const settings = {
      ...quickSettings(
        directory,
        { ...preset, window: { kind: "fixed", windowFrames: 50, hopFrames: 25 } },
        "is09_lld",
        runsDir,
      ),
      languageMixing: { kind: "mixed" as const },
      normalisation: "speaker" as const,
      adaptBatchNormalisation: true,
    };
    try {
      const split = splitBySpeaker(loaded.utterances, 1);
      for (const experiment of studyPlan(["tones_en", "tones_de"], ["mono", "cross"])) {
        await runExperiment(loaded, experimentSplit(split, experiment), experiment, settings);
      }
    } finally {
      await loaded.store.close();
    }
    const { rows } = await readReportRows(await findRunDirectories([runsDir]));
    expect(
      rows.map((row) => `${row.experiment}:${row.testCorpus}:${row.adaptation ?? "none"}`).sort(),
    ).toEqual([
      "cross:tones_de:batchnorm",
      "cross:tones_de:none",
      "cross:tones_en:batchnorm",
      "cross:tones_en:none",
      "mono:tones_de:none",
      "mono:tones_en:none",
    ]);
    const cross = rows.find((row) => row.experiment === "cross");
    const card = JSON.parse(await readFile(join(cross?.run ?? "", RUN_FILES.modelCard), "utf8"));
    expect(card.metrics).toHaveLength(1);
    expect(card.metrics[0].adaptation).toBeUndefined();
    const config = JSON.parse(await readFile(join(cross?.run ?? "", RUN_FILES.config), "utf8"));
    expect(config.adaptBatchNormalisation).toBe(true);
    const [table] = studyTables(rows.filter((row) => row.testCorpus === "tones_en"));
    expect(table?.columns).toEqual(["mono", "cross", "cross+AdaBN"]);
  }, 120_000);

  it("gives a language-aware preset's model each utterance's language: card, ONNX export and evaluation agree", async () => {
    const loaded = await loadToneCorpora(directory, "egemaps_v02");
    const preset = {
      ...getPreset("functionals-linear"),
      languageInput: { value: 3 },
    };
    const runsDir = join(directory, "language-aware-runs");
    const settings = {
      ...quickSettings(directory, preset, "egemaps_v02", runsDir),
      languageMixing: { kind: "balanced" as const },
      normalisation: "speaker" as const,
    };
    try {
      const split = splitBySpeaker(loaded.utterances, 1);
      for (const experiment of studyPlan(["tones_en", "tones_de"], ["multi", "cross"])) {
        await runExperiment(loaded, experimentSplit(split, experiment), experiment, settings);
      }
    } finally {
      await loaded.store.close();
    }
    const { rows } = await readReportRows(await findRunDirectories([runsDir]));
    const cardOf = async (run: string | undefined) =>
      JSON.parse(await readFile(join(run ?? "", RUN_FILES.modelCard), "utf8"));
    const multi = rows.find((row) => row.experiment === "multi")?.run;
    expect((await cardOf(multi)).languageInput).toEqual({ languages: ["de", "en"], value: 3 });
    const fromEnglish = rows.find(
      (row) => row.experiment === "cross" && row.testCorpus === "tones_de",
    )?.run;
    expect((await cardOf(fromEnglish)).languageInput).toEqual({ languages: ["en"], value: 3 });

    // The export takes the language columns (88 + 2 values a row); both runtimes decide alike.
    const onnxFile = join(multi ?? "", RUN_FILES.onnx);
    await writeOnnxFile(onnxFile, await exportRunToOnnx(await loadRun(multi ?? ""), "test"));
    const evaluate = (modelPath: string) =>
      evaluateModel({
        modelPath,
        corpusOptions: parseCorpusOptions({
          corpus: [{ adapter: "manifest", path: join(directory, "de"), language: "de" }],
          features: "egemaps_v02",
          cache: join(directory, "cache"),
          workers: "0",
          iemocapLabels: "dimensions",
          iemocapThreshold: "3",
          recolaSegment: "4",
        }),
        runsDir: join(directory, "language-aware-evaluations"),
        backend: "wasm",
      });
    const [tfjs, onnx] = [await evaluate(multi ?? ""), await evaluate(onnxFile)];
    expect(tfjs.evaluation.testSets[0]?.decisions).toHaveLength(24);
    expect(onnx.evaluation.testSets.map((set) => set.decisions)).toEqual(
      tfjs.evaluation.testSets.map((set) => set.decisions),
    );
  }, 180_000);
});
