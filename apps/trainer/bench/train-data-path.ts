// The whole training data path of `pnpm bench train`: epochs of the paper CNN (300 frames x 13,
// batch 50) whose batches are read from a feature cache file, once with every utterance resident
// in memory (what preparing the data did before streaming) and once streamed through a read cache
// too small to hold the corpus, alternated in one run so load on the machine hits both alike.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "@emotion-stream/core";
import type { DatasetSplit } from "../src/dataset/dataset-split.js";
import { prepareExperimentData } from "../src/experiments/experiment-data.js";
import type { CachedUtterance } from "../src/feature-cache/cached-utterance.js";
import { FeatureStore } from "../src/feature-cache/feature-store.js";
import { getPreset } from "../src/models/presets/registry.js";
import { shuffledOrder } from "../src/training/batch-order.js";
import type { LabelledWindows } from "../src/training/labelled-windows.js";
import { trainModel } from "../src/training/train-model.js";
import { writeSyntheticCache } from "./synthetic-feature-cache.js";

const VALIDATION_UTTERANCES = 100;
const ROUNDS = 2;
const STREAMED_READ_CACHE_BYTES = 16 * 1024 * 1024;

export interface DataPathRate {
  readonly mode: string;
  /** Windows per wall-clock second, from the second batch of the epoch to its last. */
  readonly wall: number;
  /** Windows per CPU-second of the whole process over the same batches: what the code costs. */
  readonly cpu: number;
}

export interface DataPathFigures {
  /** CPU microseconds per window of reading shuffled batches alone, per mode. */
  readonly readCost: readonly { readonly mode: string; readonly microseconds: number }[];
  readonly epochs: readonly DataPathRate[];
}

const READ_PASSES = 3;

/** CPU time per window of reading shuffled passes over `windows` in batches of the paper CNN's
 * size, after one untimed pass (JIT warm-up; a read cache smaller than the corpus stays cold). */
async function readCost(windows: LabelledWindows, batchSize: number): Promise<number> {
  const order = shuffledOrder(windows.count, createRandom(2));
  const buffer = new Float32Array(batchSize * windows.frames * windows.dimension);
  const pass = async () => {
    for (let start = 0; start < order.length; start += batchSize) {
      await windows.readWindows(order.subarray(start, start + batchSize), buffer);
    }
  };
  await pass();
  const started = process.cpuUsage();
  for (let n = 0; n < READ_PASSES; n++) await pass();
  const cpu = process.cpuUsage(started);
  return (cpu.user + cpu.system) / (READ_PASSES * windows.count);
}

/** Reading cost per mode, then one epoch's rates per mode and round, in the order run. */
export async function measureDataPath(
  trainWindows: number,
  workers: number,
): Promise<DataPathFigures> {
  const file = join(tmpdir(), `emotion-stream-bench-data-path-${process.pid}.bin`);
  const store = new FeatureStore();
  try {
    const { utterances } = await writeSyntheticCache(file, {
      utterances: trainWindows + VALIDATION_UTTERANCES,
      dimension: 13,
      minFrames: 300,
      maxFrames: 300,
      utterancesPerSpeaker: 50,
      seed: 1,
    });
    const split: DatasetSplit<CachedUtterance> = {
      train: utterances.slice(0, trainWindows),
      validation: utterances.slice(trainWindows),
      test: [],
    };
    const preset = getPreset("paper");
    const prepare = (readCacheBytes: number) =>
      prepareExperimentData(split, store, preset, 13, "global", readCacheBytes);
    const resident = await prepare(Number.POSITIVE_INFINITY);
    const all = Uint32Array.from({ length: resident.train.count }, (_, i) => i);
    await resident.train.readWindows(all, new Float32Array(all.length * 300 * 13));
    const streamedMode = `streamed, read cache ${STREAMED_READ_CACHE_BYTES / 1024 / 1024} MiB`;
    const { batchSize } = preset.recipe;
    const readCosts = [
      { mode: "in memory", microseconds: await readCost(resident.train, batchSize) },
      {
        mode: streamedMode,
        microseconds: await readCost((await prepare(STREAMED_READ_CACHE_BYTES)).train, batchSize),
      },
    ];
    const rates: DataPathRate[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ["in memory", streamedMode]) {
        const data = mode === "in memory" ? resident : await prepare(STREAMED_READ_CACHE_BYTES);
        let started = { cpu: process.cpuUsage(), wall: performance.now() };
        let seconds = { cpu: Number.NaN, wall: Number.NaN };
        const trained = await trainModel({
          preset,
          recipe: { epochs: 1 },
          seed: 1,
          train: data.train,
          validation: data.validation,
          workers,
          // The first batch pays the model's warm-up: timed from its end.
          onBatch: ({ batch, batches }) => {
            if (batch === 1) started = { cpu: process.cpuUsage(), wall: performance.now() };
            if (batch === batches) {
              const cpu = process.cpuUsage(started.cpu);
              seconds = {
                cpu: (cpu.user + cpu.system) / 1e6,
                wall: (performance.now() - started.wall) / 1000,
              };
            }
          },
        });
        trained.model.dispose();
        const windows = data.train.count - batchSize;
        rates.push({ mode, wall: windows / seconds.wall, cpu: windows / seconds.cpu });
      }
    }
    return { readCost: readCosts, epochs: rates };
  } finally {
    await store.close();
    await rm(file, { force: true });
  }
}
