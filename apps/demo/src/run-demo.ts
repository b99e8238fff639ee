// The demo from start to Ctrl-C: build the programs, get a model (cached or trained now), start the
// stream server and the dashboard, wait until both answer over HTTP, stream held-out speech into the
// server, print where to look. SIGINT/SIGTERM (or a child dying) stops every child before exiting.
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { isEmotionStreamError } from "@emotion-stream/core";
import { appBuildStep } from "./app-builds.js";
import { ChildSupervisor, childFailure, type SupervisedChild } from "./child-supervisor.js";
import { type DemoModel, demoRunsDirectory, prepareDemoModel } from "./demo-model.js";
import type { DemoOptions } from "./demo-options.js";
import { prepareDemoPlaylist } from "./demo-playlist.js";
import { type DemoProducer, startDemoProducer } from "./demo-producer.js";
import { waitForHttpReady } from "./http-readiness.js";
import { describeError, producerConsole } from "./producer-console.js";
import { type RepositoryLayout, repositoryLayout } from "./repository-layout.js";
import {
  dashboardProcess,
  httpUrl,
  type ServiceAddress,
  streamServerProcess,
} from "./service-processes.js";
import { createStepLog, type StepLog } from "./step-log.js";

interface RunningDemo {
  readonly services: readonly SupervisedChild[];
}

/** Runs until a signal or a failure; resolves with the process exit code. */
export async function runDemo(
  options: DemoOptions,
  log: StepLog = createStepLog(),
): Promise<number> {
  const supervisor = new ChildSupervisor();
  let producer: DemoProducer | undefined;
  // Kept installed: a second Ctrl-C while stopping must not kill the demo before its children.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.on("SIGINT", () => resolve("SIGINT"));
    process.on("SIGTERM", () => resolve("SIGTERM"));
  });
  // A signal in the middle of a step stops its child, which ends the step.
  const stopped = signalled.then(async (signal) => {
    process.stdout.write(`\n${signal}: stopping the demo\n`);
    producer?.stop();
    await supervisor.stopAll();
  });
  try {
    const running = await startDemo(options, supervisor, log, (started) => {
      producer = started;
    });
    const ended = await Promise.race([
      signalled.then(() => undefined),
      firstExit(running.services),
    ]);
    if (ended !== undefined && !supervisor.stopping)
      throw childFailure(ended.child.spec, ended.status);
  } catch (error) {
    if (!supervisor.stopping) {
      process.stderr.write(`\ndemo failed: ${describeError(error)}\n${logTail(error)}`);
      producer?.stop();
      await supervisor.stopAll();
      return 1;
    }
  }
  await stopped;
  producer?.stop();
  process.stdout.write("stopped: every program the demo started has exited\n");
  return 0;
}

async function startDemo(
  options: DemoOptions,
  supervisor: ChildSupervisor,
  log: StepLog,
  onProducer: (producer: DemoProducer) => void,
): Promise<RunningDemo> {
  const layout = repositoryLayout();
  const logs = join(options.cacheDir, "logs");
  await mkdir(logs, { recursive: true });
  process.stdout.write("emotion-stream live demo\n");
  if (options.buildApps) {
    const workspaces = ["@emotion-stream/trainer", "@emotion-stream/stream-server"];
    if (options.dashboardPort !== undefined) workspaces.push("@emotion-stream/dashboard");
    const names = workspaces.map((name) => name.replace("@emotion-stream/", "")).join(", ");
    log.step(`build ${names} (turbo: seconds when cached)`);
    await supervisor.run(appBuildStep(layout, workspaces, logs));
    log.done(`built (log ${join(logs, "build.log")})`);
  }
  const model = await prepareDemoModel({ options, layout, supervisor, log });

  const utterances = await prepareDemoPlaylist({
    options,
    layout,
    supervisor,
    log,
    logDirectory: logs,
  });

  const services = await startServices(options, layout, supervisor, log, model.path);
  log.step("start the demo producer: the speech in real time, in a loop");
  const producer = await startDemoProducer({
    serverUrl: services.serverUrl,
    utterances,
    ...producerConsole(log, performance.now()),
  });
  onProducer(producer);
  log.done(`streaming "${producer.streamId}" to model ${producer.model.id}`);
  printWhereToLook(model, services.serverUrl, services.dashboard, logs);
  return services;
}

interface RunningServices extends RunningDemo {
  readonly serverUrl: string;
  readonly dashboard?: ServiceAddress;
}

/** The stream server, then the dashboard pointed at it; each ready once it answers over HTTP. */
async function startServices(
  options: DemoOptions,
  layout: RepositoryLayout,
  supervisor: ChildSupervisor,
  log: StepLog,
  modelPath: string,
): Promise<RunningServices> {
  const logs = join(options.cacheDir, "logs");
  const server: ServiceAddress = { host: options.host, port: options.port };
  const serverUrl = httpUrl(server).replace(/\/$/, "");
  log.step(`start the stream server on port ${server.port}`);
  const serverChild = supervisor.start(streamServerProcess(layout, server, modelPath, logs));
  await waitForHttpReady(httpUrl(server, "/readyz"), serverChild, { timeoutMs: 60_000 });
  log.done(`ready: ${serverUrl} (log ${join(logs, "stream-server.log")})`);
  if (options.dashboardPort === undefined) return { services: [serverChild], serverUrl };

  const dashboard = { host: options.host, port: options.dashboardPort };
  log.step(`start the dashboard on port ${dashboard.port}`);
  const targets = { serverUrl, runsDirectory: demoRunsDirectory(options) };
  const child = supervisor.start(dashboardProcess(layout, dashboard, targets, logs));
  await waitForHttpReady(httpUrl(dashboard, "/live"), child, { timeoutMs: 120_000 });
  log.done(`ready (log ${join(logs, "dashboard.log")})`);
  return { services: [serverChild, child], serverUrl, dashboard };
}

function printWhereToLook(
  model: DemoModel,
  serverUrl: string,
  dashboard: ServiceAddress | undefined,
  logs: string,
): void {
  const lines = [
    "",
    dashboard === undefined
      ? "  Dashboard:      off (--no-dashboard)"
      : `  Dashboard:      ${httpUrl(dashboard, "/live")}`,
    `  Stream server:  ${serverUrl.replace(/^http/, "ws")}  (models: ${serverUrl}/models)`,
    `  Model:          ${model.path}`,
    `  Logs:           ${logs}`,
    "  Ctrl-C stops everything.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function firstExit(children: readonly SupervisedChild[]) {
  return Promise.race(children.map((child) => child.exited.then((status) => ({ child, status }))));
}

/** The end of a failed child's log file (created before it started), where its own error is. */
function logTail(error: unknown): string {
  if (!isEmotionStreamError(error, "CHILD_PROCESS_FAILED")) return "";
  const log = error.details.file;
  const text = log === undefined ? "" : readFileSync(log, "utf8");
  if (text === "") return "";
  const lines = text.trimEnd().split("\n").slice(-12);
  return `last lines of ${log}:\n${lines.map((line) => `  | ${line}`).join("\n")}\n`;
}
