// `pnpm bench train [--backend auto|tensorflow|wasm|cpu] [--seconds s]`: training throughput
// (windows/s) of the paper CNN (300 frames x 13, batch 50) and of the best preset, on synthetic
// data, through the same train step the trainer uses.
import { QUADRANT_CLASSES } from "@emotion-stream/core";
import * as tf from "@tensorflow/tfjs";
import { Command, Option } from "commander";
import { createRandom } from "../dataset/seeded-random.js";
import type { ModelPreset } from "../models/model-preset.js";
import { getPreset } from "../models/presets/registry.js";
import { BACKEND_NAMES, type BackendChoice, selectBackend } from "../tfjs/backend.js";
import { withSeededMathRandom } from "../training/seeded-math-random.js";
import { createTrainStep } from "../training/train-step.js";

interface Case {
  readonly preset: ModelPreset;
  readonly frames: number;
  readonly dimension: number;
  readonly batchSize: number;
}

const WARMUP_STEPS = 3;

function measure(bench: Case, seconds: number): number {
  const classes = QUADRANT_CLASSES.length;
  const model = bench.preset.build({ frames: bench.frames, dimension: bench.dimension, classes });
  const optimizer = tf.train.adam(bench.preset.recipe.learningRate);
  const step = createTrainStep(model, optimizer, classes);
  const random = createRandom(1);
  const values = Float32Array.from(
    { length: bench.batchSize * bench.frames * bench.dimension },
    () => random() * 2 - 1,
  );
  const labels = Int32Array.from({ length: bench.batchSize }, (_, i) => i % classes);
  const x = tf.tensor3d(values, [bench.batchSize, bench.frames, bench.dimension]);
  for (let i = 0; i < WARMUP_STEPS; i++) step.run(x, labels);
  let steps = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    step.run(x, labels);
    steps++;
  }
  const rate = (steps * bench.batchSize) / ((performance.now() - started) / 1000);
  x.dispose();
  optimizer.dispose();
  model.dispose();
  return rate;
}

async function main(): Promise<void> {
  const options = new Command("bench-train")
    .addOption(
      new Option("--backend <name>", "tfjs backend")
        .choices(["auto", ...BACKEND_NAMES])
        .default("auto"),
    )
    .option("--seconds <s>", "timed seconds per model", "10")
    .parse()
    .opts<{ backend: BackendChoice; seconds: string }>();
  const backend = await selectBackend(options.backend);
  console.log(`backend: ${backend}`);
  const best = getPreset("cnn1d-bn-statpool");
  const cases: Case[] = [
    { preset: getPreset("paper"), frames: 300, dimension: 13, batchSize: 50 },
    { preset: best, frames: best.windowFrames, dimension: 39, batchSize: best.recipe.batchSize },
  ];
  for (const bench of cases) {
    const rate = await withSeededMathRandom(1, async () => measure(bench, Number(options.seconds)));
    console.log(
      `${bench.preset.name.padEnd(20)} ${bench.frames} frames x ${bench.dimension}, batch ${bench.batchSize}: ` +
        `${rate.toFixed(0)} windows/s`,
    );
  }
}

await main();
