// The demo's pieces end to end, through its command line: generate a tiny synthetic corpus, train
// briefly, export and verify, serve, stream held-out speech in real time, receive predictions (the
// demo's own producer and an independent watcher), stop cleanly on SIGINT with no process left,
// then start again from the cached model and stop on SIGTERM.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EmotionStreamClient,
  type PredictionMessage,
  QUADRANT_CLASSES,
  type WebSocketConstructor,
} from "@emotion-stream/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { appBuildStep } from "../src/app-builds.js";
import { ChildSupervisor } from "../src/child-supervisor.js";
import { repositoryLayout } from "../src/repository-layout.js";
import { type DemoProcess, freePort, startDemoProcess } from "./helpers/demo-process.js";
import { descendants, isRunning } from "./helpers/process-table.js";

// The programs are built once in beforeAll; the demo's own build step is the same turbo command.
// Under `pnpm test` turbo has built them first (apps/demo/turbo.json), so that build is a cache hit
// and never runs beside the graph's own build of the same files.
const TINY_DEMO = [
  "--no-build-apps",
  "--no-dashboard",
  ...["--speakers", "2", "--utterances", "2", "--epochs", "1"],
];

async function stopAndExpectNoOrphans(demo: DemoProcess, signal: NodeJS.Signals): Promise<void> {
  const children = descendants(demo.pid);
  expect(children.length).toBeGreaterThan(0);
  demo.child.kill(signal);
  expect(await demo.exited).toEqual({ code: 0, signal: null });
  expect(demo.output()).toContain("every program the demo started has exited");
  expect(children.filter(isRunning)).toEqual([]);
}

async function watchOnePrediction(port: number): Promise<PredictionMessage> {
  const watcher = new EmotionStreamClient({
    url: `ws://127.0.0.1:${port}`,
    role: "watcher",
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  try {
    const prediction = new Promise<PredictionMessage>((resolve) =>
      watcher.on("prediction", resolve),
    );
    await watcher.connect();
    await watcher.subscribe("all");
    return await prediction;
  } finally {
    watcher.close();
  }
}

describe("demo pipeline", () => {
  let directory: string;
  const demos: DemoProcess[] = [];
  const start = (args: readonly string[]) => {
    const demo = startDemoProcess(args, directory);
    demos.push(demo);
    return demo;
  };
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "demo-pipeline-"));
    await new ChildSupervisor().run(
      appBuildStep(
        repositoryLayout(),
        ["@emotion-stream/trainer", "@emotion-stream/stream-server"],
        directory,
      ),
    );
  }, 300_000);
  afterAll(async () => {
    // A failed expectation must not leave a demo (and its server) running.
    for (const demo of demos) {
      demo.child.kill("SIGTERM");
      await demo.exited;
    }
    await rm(directory, { recursive: true, force: true });
  });

  it("trains, exports, serves and streams on a cold start, then restarts from the cached model", async () => {
    const cache = join(directory, "cache");
    const port = await freePort();
    const cold = start([...TINY_DEMO, "--cache", cache, "--port", String(port)]);
    await cold.waitFor(/first prediction: (\w+)/, 150_000);
    const output = cold.output();
    for (const step of [
      "generate the default corpus",
      "train the",
      "export the model to ONNX",
      "start the stream server",
    ]) {
      expect(output).toContain(step);
    }
    const watched = await watchOnePrediction(port);
    expect(watched.streamId).toBe("demo");
    expect(QUADRANT_CLASSES).toContain(watched.top);
    expect(watched.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 4);
    await stopAndExpectNoOrphans(cold, "SIGINT");

    const warm = start([...TINY_DEMO, "--cache", cache, "--port", String(port)]);
    await warm.waitFor(/first prediction/, 60_000);
    expect(warm.output()).toContain("reusing the one trained before");
    expect(warm.output()).not.toContain("train the");
    await stopAndExpectNoOrphans(warm, "SIGTERM");
  }, 240_000);
});
