// The two long-running programs of the demo, each logging to its own file so the terminal stays
// readable: the stream server serving the model, and the dashboard pointed at it and at the runs.
import { join } from "node:path";
import type { ChildSpec } from "./child-supervisor.js";
import { nextCli, type RepositoryLayout } from "./repository-layout.js";

export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
}

export function httpUrl({ host, port }: ServiceAddress, path = "/"): string {
  return new URL(path, `http://${host}:${port}`).href;
}

/** The id the server serves the demo's model under (the stream opens it by that name). */
export const DEMO_MODEL_ID = "demo";

export function streamServerProcess(
  layout: RepositoryLayout,
  address: ServiceAddress,
  modelPath: string,
  logDirectory: string,
): ChildSpec {
  return {
    name: "stream server",
    command: process.execPath,
    args: [
      layout.serverCli,
      "--model",
      `${DEMO_MODEL_ID}=${modelPath}`,
      "--host",
      address.host,
      "--port",
      String(address.port),
    ],
    output: { kind: "file", path: join(logDirectory, "stream-server.log") },
  };
}

export interface DashboardTargets {
  readonly serverUrl: string;
  readonly runsDirectory: string;
}

export function dashboardProcess(
  layout: RepositoryLayout,
  address: ServiceAddress,
  targets: DashboardTargets,
  logDirectory: string,
): ChildSpec {
  return {
    name: "dashboard",
    command: process.execPath,
    args: [nextCli(layout), "start", "--hostname", address.host, "--port", String(address.port)],
    cwd: layout.dashboardDir,
    env: {
      ...process.env,
      EMOTION_STREAM_SERVER_URL: targets.serverUrl,
      EMOTION_STREAM_RUNS_DIR: targets.runsDirectory,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    output: { kind: "file", path: join(logDirectory, "dashboard.log") },
  };
}
