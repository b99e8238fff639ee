// The real stream server as a child process on a free port, serving one model; the tests talk to
// it over real sockets, as the dashboard does.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { STREAM_SERVER_CLI } from "./e2e-environment.js";

export interface RunningServer {
  readonly httpUrl: string;
  readonly websocketUrl: string;
  readonly modelId: string;
  stop(): Promise<void>;
}

export async function startStreamServer(
  modelPath: string,
  modelId = "e2e",
): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [
      STREAM_SERVER_CLI,
      "--model",
      `${modelId}=${modelPath}`,
      "--port",
      "0",
      "--no-watch",
      "--log-level",
      "info",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await listeningPort(child);
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    websocketUrl: `ws://127.0.0.1:${port}`,
    modelId,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Reads the server's JSON log lines until it says where it listens. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timeout = setTimeout(
      () => reject(new Error("the stream server did not start within 30 s")),
      30_000,
    );
    lines.on("line", (line) => {
      try {
        const entry = JSON.parse(line) as { port?: unknown; msg?: unknown };
        if (entry.msg === "stream server listening" && typeof entry.port === "number") {
          clearTimeout(timeout);
          resolve(entry.port);
        }
      } catch {
        // Not a log line of ours.
      }
    });
    child.once("exit", (code) => reject(new Error(`the stream server exited with code ${code}`)));
  });
}
