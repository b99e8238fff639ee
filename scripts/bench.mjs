// `pnpm bench <name> [options]`: builds the workspace that owns the benchmark (with what it depends
// on), compiles the workspace's bench/ (tsconfig.bench.json, to dist-bench/: the product's dist/
// holds no benchmark code) and runs it.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCHMARKS = {
  features: [
    "@emotion-stream/features",
    "dist-bench/bench/features.js",
    "real-time factor and streaming memory of every feature set; --opensmile <SMILExtract>: openSMILE side by side",
  ],
  train: [
    "@emotion-stream/trainer",
    "dist-bench/bench/train.js",
    "training windows/s of the paper CNN and the best preset; --memory: peak RSS per corpus size",
  ],
  onnx: [
    "@emotion-stream/trainer",
    "dist-bench/bench/onnx.js",
    "onnxruntime-node vs tfjs inference windows/s per preset",
  ],
  stream: [
    "@emotion-stream/stream-server",
    "dist-bench/bench/stream.js",
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
const [workspace, entry] = benchmark;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The bench compiles against the dependencies' dist/, so they are built first (through turbo's
// cache, its output as quiet as run-app.mjs keeps it); tsc's errors go to stderr. run-app.mjs then
// finds everything built and runs the compiled bench where the user typed.
const steps = [
  [
    [
      "exec",
      "turbo",
      "run",
      "build",
      `--filter=${workspace}...`,
      "--output-logs=errors-only",
      "--log-prefix=none",
    ],
    "ignore",
  ],
  [["--filter", workspace, "run", "--silent", "build:bench"], 2],
];
for (const [pnpmArgs, stdout] of steps) {
  const step = spawnSync("pnpm", pnpmArgs, { cwd: root, stdio: ["ignore", stdout, "inherit"] });
  if (step.status !== 0) {
    console.error(`build of ${workspace}'s benchmark failed: pnpm ${pnpmArgs.join(" ")}`);
    process.exit(step.status ?? 1);
  }
}
const run = spawnSync("node", [join(root, "scripts", "run-app.mjs"), workspace, entry, ...args], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
