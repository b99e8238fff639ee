// `pnpm bench train [--backend auto|tensorflow|wasm|cpu] [--seconds s] [--workers n]`: training
// throughput (windows/s) of the paper CNN (300 frames x 13, batch 50) and of the best preset, on
// synthetic data, through the trainer's own train step: on this thread alone, then data-parallel
// with gradient workers (one per further core by default); then whole epochs of the paper CNN with
// batches in memory against batches streamed from the feature cache. `--memory` instead prints
// the peak resident memory of training on corpora of growing size (train-memory.ts).
import { availableParallelism } from "node:os";
import { createRandom, QUADRANT_CLASSES } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { Command, InvalidArgumentError, Option } from "commander";
import { type ModelPreset, nominalWindowFrames } from "../src/models/model-preset.js";
import { getPreset } from "../src/models/presets/registry.js";
import {
  BACKEND_NAMES,
  type BackendChoice,
  type BackendName,
  selectBackend,
} from "../src/tfjs/backend.js";
import { startGradientWorkers } from "../src/training/gradient-workers.js";
import { withSeededMathRandom } from "../src/training/seeded-math-random.js";
import type { HostBatch } from "../src/training/shard-gradients.js";
import { createTrainStep } from "../src/training/train-step.js";
import { measureDataPath } from "./train-data-path.js";
import { runMemoryBench } from "./train-memory.js";

interface Case {
  readonly preset: ModelPreset;
  readonly frames: number;
  readonly dimension: number;
  readonly batchSize: number;
}

const WARMUP_STEPS = 3;

function syntheticBatch(bench: Case): HostBatch {
  const random = createRandom(1);
  const values = Float32Array.from(
    { length: bench.batchSize * bench.frames * bench.dimension },
    () => random.next() * 2 - 1,
  );
  const labels = Int32Array.from(
    { length: bench.batchSize },
    (_, i) => i % QUADRANT_CLASSES.length,
  );
  return {
    size: bench.batchSize,
    frames: bench.frames,
    dimension: bench.dimension,
    values,
    labels,
  };
}

interface Rate {
  /** Windows per wall-clock second. */
  readonly wall: number;
  /** Windows per CPU-second of the whole process (all threads): on a loaded machine this shows
   * what the code costs, which the wall figure cannot. */
  readonly cpu: number;
}

async function measure(
  bench: Case,
  backend: BackendName,
  workerCount: number,
  seconds: number,
): Promise<Rate> {
  const shape = {
    frames: bench.frames,
    dimension: bench.dimension,
    classes: QUADRANT_CLASSES.length,
  };
  const model = bench.preset.build(shape);
  const optimizer = tf.train.adam(bench.preset.recipe.learningRate);
  const workers =
    workerCount > 0
      ? await startGradientWorkers(workerCount, {
          kind: "setup",
          preset: bench.preset.name,
          shape,
          backend,
          seed: 2,
        })
      : undefined;
  const step = createTrainStep(model, optimizer, {
    classes: shape.classes,
    ...(workers === undefined ? {} : { workers }),
  });
  const batch = syntheticBatch(bench);
  for (let i = 0; i < WARMUP_STEPS; i++) await step.run(batch);
  let steps = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await step.run(batch);
    steps++;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const windows = steps * bench.batchSize;
  const rate = { wall: windows / wallSeconds, cpu: windows / ((cpu.user + cpu.system) / 1e6) };
  await workers?.terminate();
  optimizer.dispose();
  model.dispose();
  return rate;
}

/** A flag's parser: a clear commander error on anything but a non-negative integer. */
const nonNegativeInteger = (flag: string) => (text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(
      `${flag} takes a non-negative integer, not ${JSON.stringify(text)}`,
    );
  }
  return value;
};

async function main(): Promise<void> {
  const options = new Command("bench-train")
    .addOption(
      new Option("--backend <name>", "tfjs backend")
        .choices(["auto", ...BACKEND_NAMES])
        .default("auto"),
    )
    .option("--seconds <s>", "timed seconds per measurement", "10")
    .option(
      "--workers <n>",
      "gradient worker threads for the parallel figure",
      nonNegativeInteger("--workers"),
      availableParallelism() - 1,
    )
    .option(
      "--epoch-windows <n>",
      "training windows per epoch of the data-path figures (0: skip them)",
      nonNegativeInteger("--epoch-windows"),
      2500,
    )
    .option("--memory", "peak resident memory of training per corpus size instead")
    .option("--sizes <list>", "--memory: corpus sizes in multiples of the 1x corpus", "1,4,16")
    .option(
      "--utterances <n>",
      "--memory: utterances of the 1x corpus",
      nonNegativeInteger("--utterances"),
      2000,
    )
    .option("--epochs <n>", "--memory: epochs per corpus", nonNegativeInteger("--epochs"), 2)
    .option(
      "--read-cache-mb <n>",
      "--memory: read cache budget in MiB",
      nonNegativeInteger("--read-cache-mb"),
      16,
    )
    .option("--no-resident", "--memory: skip the unbounded (all resident) comparison")
    .parse()
    .opts<{
      backend: BackendChoice;
      seconds: string;
      workers: number;
      epochWindows: number;
      memory?: boolean;
      sizes: string;
      utterances: number;
      epochs: number;
      readCacheMb: number;
      resident: boolean;
    }>();
  const { workers } = options;
  if (options.memory === true) {
    await runMemoryBench({
      sizes: options.sizes.split(",").map(nonNegativeInteger("--sizes")),
      utterances: options.utterances,
      epochs: options.epochs,
      readCacheBytes: options.readCacheMb * 1024 * 1024,
      workers,
      backend: options.backend,
      compareResident: options.resident,
    });
    return;
  }
  const backend = await selectBackend(options.backend);
  console.log(`backend: ${backend}; cores: ${availableParallelism()}`);
  const best = getPreset("cnn1d-bn-statpool");
  const cases: Case[] = [
    { preset: getPreset("paper"), frames: 300, dimension: 13, batchSize: 50 },
    {
      preset: best,
      frames: nominalWindowFrames(best),
      dimension: 39,
      batchSize: best.recipe.batchSize,
    },
  ];
  for (const bench of cases) {
    for (const workerCount of workers > 0 ? [0, workers] : [0]) {
      const rate = await withSeededMathRandom(1, () =>
        measure(bench, backend, workerCount, Number(options.seconds)),
      );
      console.log(
        `${bench.preset.name.padEnd(18)} ${bench.frames} frames x ${bench.dimension}, batch ${bench.batchSize}, ` +
          `${workerCount + 1} thread(s): ${rate.wall.toFixed(0)} windows/s (${rate.cpu.toFixed(0)} per CPU-second)`,
      );
    }
  }
  if (options.epochWindows > 0) {
    const figures = await measureDataPath(options.epochWindows, workers);
    for (const { mode, microseconds } of figures.readCost) {
      console.log(
        `paper batches of 300 frames x 13, reading alone, ${mode}: ${microseconds.toFixed(1)} CPU-µs per window`,
      );
    }
    for (const { mode, wall, cpu } of figures.epochs) {
      console.log(
        `paper epoch of ${options.epochWindows} windows, ${workers + 1} thread(s), batches ${mode}: ` +
          `${wall.toFixed(0)} windows/s (${cpu.toFixed(0)} per CPU-second)`,
      );
    }
  }
}

await main();
