// The server under test as a child process, so its CPU time and memory are its own: started from
// the built CLI on port 0 (its listening log line gives the port), measured through /proc (Linux).
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { EmotionStreamError } from "@emotion-stream/core";

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  stop(): Promise<void>;
}

export interface ProcessUsage {
  /** User + system CPU seconds so far, all threads. */
  readonly cpuSeconds: number;
  /** Those of the main thread (sockets, windows, JSON); the rest is mostly the inference workers. */
  readonly mainThreadCpuSeconds: number;
  readonly rssBytes: number;
}

export async function startServerProcess(
  nodeArgs: readonly string[],
  cliPath: string,
  args: readonly string[],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, cliPath, ...args, "--port", "0", "--host", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const port = listeningPort(line);
      if (port !== undefined) resolve(port);
    });
    child.once("exit", (code) =>
      reject(
        new EmotionStreamError("CONNECTION_CLOSED", `the server exited (${code}) before listening`),
      ),
    );
  });
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function listeningPort(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    return entry.msg === "stream server listening" ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU and RSS of a process from /proc/<pid>/stat and status; its main thread's from task/<pid>/stat. */
export async function processUsage(pid: number): Promise<ProcessUsage> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return {
    cpuSeconds: await cpuSecondsOf(`/proc/${pid}/stat`),
    mainThreadCpuSeconds: await cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`),
    rssBytes: rssKb * 1024,
  };
}

async function cpuSecondsOf(statPath: string): Promise<number> {
  const stat = await readFile(statPath, "utf8");
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
