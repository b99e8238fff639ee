// Runs the other apps' command lines as child processes. Each child leads its own process group, so
// stopping it reaches everything it started (Next.js's server, inference worker threads' helpers)
// and nothing is left orphaned; a group that ignores SIGTERM gets SIGKILL after a grace period.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { EmotionStreamError } from "@emotion-stream/core";

export interface ChildSpec {
  /** Short name for messages ("trainer train", "stream server"). */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The terminal (progress bars of steps) or a log file (long-running servers). */
  readonly output: { readonly kind: "terminal" } | { readonly kind: "file"; readonly path: string };
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all. */
  readonly error?: Error;
}

export interface SupervisedChild {
  readonly spec: ChildSpec;
  readonly pid: number;
  readonly exited: Promise<ExitStatus>;
}

const GRACE_MS = 5000;

export class ChildSupervisor {
  private readonly running = new Set<SupervisedChild>();
  private stopRequested = false;

  constructor() {
    // Last resort when the demo itself dies on an uncaught error: no child survives it.
    process.once("exit", () => {
      for (const child of this.running) signalGroup(child.pid, "SIGKILL");
    });
  }

  /** True once `stopAll` was called; steps failing after that are the stop, not an error. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  /** Process ids of the children still running (their group ids too). */
  get pids(): number[] {
    return [...this.running].map((child) => child.pid);
  }

  start(spec: ChildSpec): SupervisedChild {
    if (this.stopRequested) {
      throw new EmotionStreamError("CHILD_PROCESS_FAILED", `not starting ${spec.name}: stopping`);
    }
    // A log file is handed over as a descriptor: the child and its descendants write it directly.
    const log = spec.output.kind === "file" ? openSync(spec.output.path, "w") : undefined;
    const spawned = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ["ignore", log ?? "inherit", log ?? "inherit"],
    });
    if (log !== undefined) closeSync(log);
    const exited = new Promise<ExitStatus>((resolve) => {
      spawned.once("error", (error) => resolve({ code: null, signal: null, error }));
      spawned.once("exit", (code, signal) => resolve({ code, signal }));
    });
    const child: SupervisedChild = { spec, pid: spawned.pid ?? -1, exited };
    this.running.add(child);
    void exited.then(() => this.running.delete(child));
    return child;
  }

  /** Starts `spec` and waits for it to exit; CHILD_PROCESS_FAILED unless it exits with 0. */
  async run(spec: ChildSpec): Promise<void> {
    const status = await this.start(spec).exited;
    if (status.code !== 0) throw childFailure(spec, status);
  }

  /** SIGTERM to every child's group, SIGKILL to groups still alive after the grace period. */
  async stopAll(graceMs: number = GRACE_MS): Promise<void> {
    this.stopRequested = true;
    await Promise.all([...this.running].map((child) => stopGroup(child, graceMs)));
  }
}

export function childFailure(spec: ChildSpec, status: ExitStatus): EmotionStreamError {
  const how =
    status.error !== undefined
      ? `could not start: ${status.error.message}`
      : status.signal !== null
        ? `was killed by ${status.signal}`
        : `exited with code ${status.code}`;
  return new EmotionStreamError("CHILD_PROCESS_FAILED", `${spec.name} ${how}`, {
    value: [spec.command, ...spec.args].join(" "),
    ...(spec.output.kind === "file" ? { file: spec.output.path } : {}),
  });
}

async function stopGroup(child: SupervisedChild, graceMs: number): Promise<void> {
  signalGroup(child.pid, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(resolve, graceMs, "timeout"));
  if ((await Promise.race([child.exited, timer])) === "timeout") signalGroup(child.pid, "SIGKILL");
  await child.exited;
  // The leader is gone; whatever it started and left behind in its group goes with it, and is
  // waited for: a SIGKILLed process is gone only once the kernel has torn it down.
  await waitForEmptyGroup(child.pid, graceMs);
  if (signalGroup(child.pid, "SIGKILL")) await waitForEmptyGroup(child.pid, graceMs);
}

async function waitForEmptyGroup(groupId: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(groupId, 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `signal` to the process group; false when the group has no process left. */
function signalGroup(groupId: number, signal: NodeJS.Signals | 0): boolean {
  if (groupId <= 0) return false;
  try {
    process.kill(-groupId, signal);
    return true;
  } catch {
    return false;
  }
}
