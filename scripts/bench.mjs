// `pnpm bench <name> [options]`: builds the workspace that owns the benchmark and runs it.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCHMARKS = {
  features: [
    "@emotion-stream/features",
    "dist/bench.js",
    "real-time factor and streaming memory of every feature set; --opensmile <SMILExtract>: openSMILE side by side",
  ],
  train: [
    "@emotion-stream/trainer",
    "dist/bench/train.js",
    "training windows/s of the paper CNN and the best preset; --memory: peak RSS per corpus size",
  ],
  onnx: [
    "@emotion-stream/trainer",
    "dist/bench/onnx.js",
    "onnxruntime-node vs tfjs inference windows/s per preset",
  ],
  stream: [
    "@emotion-stream/stream-server",
    "dist/bench/stream.js",
    "concurrent WebSocket streams: latency and throughput",
  ],
};

const [name, ...args] = process.argv.slice(2);
const benchmark = BENCHMARKS[name];
if (!benchmark) {
  console.error(`error: unknown benchmark ${JSON.stringify(name ?? "")}; choose one of:`);
  for (const [key, [, , what]] of Object.entries(BENCHMARKS))
    console.error(`  ${key.padEnd(9)} ${what}`);
  process.exit(1);
}
const runApp = join(dirname(fileURLToPath(import.meta.url)), "run-app.mjs");
const run = spawnSync("node", [runApp, benchmark[0], benchmark[1], ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
