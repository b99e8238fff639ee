// The streamed path (windows read from a feature cache file through a read cache far smaller than
// the corpus) against the in-memory reference it replaced (every utterance loaded and normalised
// up front): the same batches, so the same seed gives the same training history and test scores.
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createRandom,
  cutWindows,
  QUADRANT_CLASSES,
  type QuadrantClass,
  resolveWindowRule,
} from "@emotion-stream/core";
import type { FeatureMatrix } from "@emotion-stream/features";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetSplit } from "../dataset/dataset-split.js";
import { fitNormalisation, normaliseFeatures, withUnseenGroups } from "../dataset/normalisation.js";
import { type ExperimentData, prepareExperimentData } from "../experiments/experiment-data.js";
import type { CachedUtterance } from "../feature-cache/cached-utterance.js";
import { encodeHeader, encodeRecord, HEADER_BYTES } from "../feature-cache/feature-file-format.js";
import { FeatureStore } from "../feature-cache/feature-store.js";
import type { ModelPreset } from "../models/model-preset.js";
import { getPreset } from "../models/presets/registry.js";
import { selectBackend } from "../tfjs/backend.js";
import { evaluateUtterances } from "./evaluation.js";
import { type LabelledWindows, labelledWindows } from "./labelled-windows.js";
import type { LanguageMixing } from "./language-mixing.js";
import { trainModel } from "./train-model.js";

const file = join(tmpdir(), `streamed-windows-${process.pid}.bin`);
const DIMENSIONS = [13, 39];
const utterancesOf = new Map<number, CachedUtterance[]>();

/** Two corpora (languages), classes as a mean offset of one coefficient, 20-80 frames each. */
async function writeFixture(
  dimension: number,
  offset: number,
  handle: Awaited<ReturnType<typeof open>>,
) {
  const random = createRandom(dimension);
  const utterances: CachedUtterance[] = [];
  let position = offset;
  for (let index = 0; index < 40; index++) {
    const frames = random.integer(20, 80);
    const label = index % 4;
    const corpus = index % 2 === 0 ? "a" : "b";
    const data = Float32Array.from(
      { length: frames * dimension },
      (_, i) =>
        (i % dimension === label ? 2 : 0) + random.next() * 3 - 1 + (corpus === "b" ? 0.5 : 0),
    );
    const record = encodeRecord({ frames, dimension, data });
    await handle.write(record, 0, record.length, position);
    utterances.push({
      id: `u${index}`,
      corpus,
      speaker: `${corpus}_${index % 10}`,
      language: corpus === "a" ? "en" : "de",
      rawLabel: "x",
      rawLabels: {},
      label: QUADRANT_CLASSES[label] as QuadrantClass,
      source: { kind: "audio", path: `/nowhere/u${index}.wav` },
      frames,
      durationSeconds: frames / 100,
      featureRef: { file: `${file}.${dimension}`, offset: position },
    });
    position += record.length;
  }
  return utterances;
}

beforeAll(async () => {
  await selectBackend("wasm");
  for (const dimension of DIMENSIONS) {
    const handle = await open(`${file}.${dimension}`, "w");
    await handle.write(encodeHeader(dimension, 40), 0, HEADER_BYTES, 0);
    utterancesOf.set(dimension, await writeFixture(dimension, HEADER_BYTES, handle));
    await handle.close();
  }
});

afterAll(async () => {
  for (const dimension of DIMENSIONS) await rm(`${file}.${dimension}`, { force: true });
});

function splitOf(utterances: readonly CachedUtterance[]): DatasetSplit<CachedUtterance> {
  const bySpeaker = (speakers: string[]) => utterances.filter((u) => speakers.includes(u.speaker));
  return {
    train: bySpeaker(["a_0", "b_1", "a_2", "b_3", "a_4", "b_5"]),
    validation: bySpeaker(["a_6", "b_7"]),
    test: bySpeaker(["a_8", "b_9"]),
  };
}

/** What preparing the data did before streaming: every utterance loaded and normalised at once. */
async function inMemoryReference(
  split: DatasetSplit<CachedUtterance>,
  store: FeatureStore,
  preset: ModelPreset,
  dimension: number,
) {
  const load = (u: CachedUtterance) => store.load(u);
  const fitted = await fitNormalisation("global", split.train, load, dimension);
  const applied = await withUnseenGroups(fitted, [...split.validation, ...split.test], load);
  const window = resolveWindowRule(
    preset.window,
    split.train.map((u) => u.frames),
  );
  const windowsOf = async (utterances: readonly CachedUtterance[]) => {
    const loaded = [];
    for (const u of utterances) {
      const features: FeatureMatrix = normaliseFeatures(await store.load(u), applied, u);
      loaded.push({ features, label: QUADRANT_CLASSES.indexOf(u.label), language: u.language });
    }
    const refs = cutWindows(
      window,
      utterances.map((u) => u.frames),
    );
    return labelledWindows(loaded, refs, window.windowFrames);
  };
  const tests = new Map<string, LabelledWindows>();
  for (const corpus of new Set(split.test.map((u) => u.corpus)))
    tests.set(corpus, await windowsOf(split.test.filter((u) => u.corpus === corpus)));
  return {
    train: await windowsOf(split.train),
    validation: await windowsOf(split.validation),
    tests,
  };
}

async function allWindows(windows: LabelledWindows): Promise<number[]> {
  const values = new Float32Array(windows.count * windows.frames * windows.dimension);
  // Backwards, so a small read cache evicts and reads again.
  await windows.readWindows(
    Uint32Array.from({ length: windows.count }, (_, i) => windows.count - 1 - i),
    values,
  );
  return Array.from(values);
}

const cases: {
  name: string;
  preset: ModelPreset;
  dimension: number;
  mixing: LanguageMixing;
  workers: number;
}[] = [
  {
    name: "paper (study windows, shuffled, alternating languages, a gradient worker)",
    preset: getPreset("paper"),
    dimension: 13,
    mixing: { kind: "alternate" },
    workers: 1,
  },
  {
    name: "cnn1d-bn-statpool (sliding windows, class-balanced sampling, masking, language shares)",
    preset: {
      ...getPreset("cnn1d-bn-statpool"),
      window: { kind: "fixed", windowFrames: 24, hopFrames: 12 },
    },
    dimension: 39,
    mixing: { kind: "ratio", shares: { en: 0.75, de: 0.25 } },
    workers: 0,
  },
];

describe("windows streamed from the feature cache", () => {
  for (const { name, preset, dimension, mixing, workers } of cases) {
    it(`give the in-memory reference's batches, history and test scores: ${name}`, async () => {
      const split = splitOf(utterancesOf.get(dimension) ?? []);
      const store = new FeatureStore();
      try {
        const reference = await inMemoryReference(split, store, preset, dimension);
        // Room for 3 utterances of ~50 frames: nearly every batch reads from the file.
        const budget = 3 * 50 * dimension * 4;
        const streamed: ExperimentData = await prepareExperimentData(
          split,
          store,
          preset,
          dimension,
          "global",
          budget,
        );
        const partitions = (data: typeof reference | ExperimentData) => [
          data.train,
          data.validation,
          ...data.tests.values(),
        ];
        expect([...streamed.tests.keys()]).toEqual([...reference.tests.keys()]);
        const expectedWindows = await Promise.all(partitions(reference).map(allWindows));
        expect(await Promise.all(partitions(streamed).map(allWindows))).toEqual(expectedWindows);
        const train = (data: { train: LabelledWindows; validation: LabelledWindows }) =>
          trainModel({
            preset,
            recipe: { epochs: 2, batchSize: 8 },
            seed: 11,
            train: data.train,
            validation: data.validation,
            baseDimension: 13,
            languageMixing: mixing,
            workers,
          });
        const expected = await train(reference);
        const received = await train(streamed);
        const scores = (history: typeof expected.history) =>
          history.map(({ loss, validationUar, validationWa }) => ({
            loss,
            validationUar,
            validationWa,
          }));
        expect(scores(received.history)).toEqual(scores(expected.history));
        const testScores = async (
          model: typeof expected.model,
          tests: ReadonlyMap<string, LabelledWindows>,
        ) => Promise.all([...tests.values()].map((windows) => evaluateUtterances(model, windows)));
        expect(await testScores(received.model, streamed.tests)).toEqual(
          await testScores(expected.model, reference.tests),
        );
        expected.model.dispose();
        received.model.dispose();
      } finally {
        await store.close();
      }
    }, 60_000);
  }
});
