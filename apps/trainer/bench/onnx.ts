// `pnpm bench onnx [--backend auto|tensorflow|wasm|cpu] [--seconds s]`: inference throughput
// (windows/s) of every preset exported to ONNX on onnxruntime-node, at batch 1 and 32 with 1 and 2
// intra-op threads, against the same model's tfjs predict on the selected backend. Weights are
// random (throughput does not depend on them); windows are N(0, 1) like normalised features.
import { Command, Option } from "commander";
import * as ort from "onnxruntime-node";
import type { ModelPreset } from "../src/models/model-preset.js";
import { getPreset, PRESET_NAMES } from "../src/models/presets/registry.js";
import { layersModelToOnnx } from "../src/onnx-export/layers-model-to-onnx.js";
import { predictWithOnnxruntime, predictWithTfjs } from "../src/onnx-export/model-inference.js";
import { presetInputShape } from "../src/onnx-export/preset-input-shape.js";
import { randomizeWeights } from "../src/onnx-export/random-weights.js";
import { randomWindowBatch } from "../src/onnx-export/random-windows.js";
import type { WindowBatch } from "../src/onnx-export/window-batch.js";
import { BACKEND_NAMES, type BackendChoice, selectBackend } from "../src/tfjs/backend.js";

const BATCH_SIZES = [1, 32] as const;
const THREAD_COUNTS = [1, 2] as const;
const WARMUP_RUNS = 3;

/** Windows per second of `run` over `windows`, timed for about `seconds` after a warm-up. */
async function windowsPerSecond(
  run: () => Promise<unknown> | unknown,
  windows: WindowBatch,
  seconds: number,
): Promise<number> {
  for (let index = 0; index < WARMUP_RUNS; index += 1) await run();
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await run();
    runs += 1;
  }
  return (runs * windows.count) / ((performance.now() - started) / 1000);
}

async function benchPreset(preset: ModelPreset, seconds: number): Promise<string[]> {
  const shape = presetInputShape(preset);
  const model = preset.build(shape);
  randomizeWeights(model, 1);
  const onnxBytes = layersModelToOnnx(model);
  const lines: string[] = [];
  for (const batchSize of BATCH_SIZES) {
    const windows = randomWindowBatch(batchSize, shape.frames, shape.dimension, batchSize);
    const figures: string[] = [];
    for (const threads of THREAD_COUNTS) {
      const session = await ort.InferenceSession.create(onnxBytes, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
      });
      const rate = await windowsPerSecond(
        () => predictWithOnnxruntime(session, ort.Tensor, windows),
        windows,
        seconds,
      );
      await session.release();
      figures.push(`ort ${threads}t ${rate.toFixed(0).padStart(6)}`);
    }
    const tfjsRate = await windowsPerSecond(
      () => predictWithTfjs(model, windows),
      windows,
      seconds,
    );
    figures.push(`tfjs ${tfjsRate.toFixed(0).padStart(6)}`);
    lines.push(
      `${preset.name.padEnd(18)} ${shape.frames} x ${shape.dimension}, batch ${String(batchSize).padStart(2)}: ${figures.join("  ")} windows/s`,
    );
  }
  model.dispose();
  return lines;
}

async function main(): Promise<void> {
  const options = new Command("bench-onnx")
    .addOption(
      new Option("--backend <name>", "tfjs backend for the comparison")
        .choices(["auto", ...BACKEND_NAMES])
        .default("auto"),
    )
    .option("--seconds <s>", "timed seconds per case", "3")
    .parse()
    .opts<{ backend: BackendChoice; seconds: string }>();
  const backend = await selectBackend(options.backend);
  console.log(`tfjs backend: ${backend}; onnxruntime-node ${ort.env.versions.common}`);
  for (const name of PRESET_NAMES) {
    for (const line of await benchPreset(getPreset(name), Number(options.seconds)))
      console.log(line);
  }
}

await main();
