import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { type EmotionStreamError, isEmotionStreamError } from "../errors.js";
import { startWorkerThread, startWorkerThreads } from "./start-worker-thread.js";

const script = (name: string) => new URL(`../../test/worker-scripts/${name}`, import.meta.url);

const started: Worker[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((worker) => worker.terminate()));
});

function ask(worker: Worker, message: unknown): Promise<{ echo: unknown; execArgv: string[] }> {
  return new Promise((resolve) => {
    worker.once("message", resolve);
    worker.postMessage(message);
  });
}

async function startFailure(name: string): Promise<EmotionStreamError> {
  const error = await startWorkerThread(script(name)).then(
    (worker) => {
      started.push(worker);
      throw new Error(`${name} started`);
    },
    (error: unknown) => error,
  );
  if (!isEmotionStreamError(error, "WORKER_START_FAILED")) throw error;
  return error;
}

describe("startWorkerThread", () => {
  it("resolves once the compiled module has loaded, ready for the first message", async () => {
    const worker = await startWorkerThread(script("echo-worker.js"));
    started.push(worker);
    expect((await ask(worker, { n: 1 })).echo).toEqual({ n: 1 });
  });

  it("gives a compiled worker the parent's flags without the source condition", async () => {
    const worker = await startWorkerThread(script("echo-worker.js"));
    started.push(worker);
    const { execArgv } = await ask(worker, "flags");
    // vitest starts this process with `--conditions source`; the compiled worker must not see it.
    const parent = process.execArgv;
    const at = parent.findIndex((flag, i) => flag === "--conditions" && parent[i + 1] === "source");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(execArgv).toEqual(parent.filter((_, i) => i !== at && i !== at + 1));
  });

  it("names the script whose module throws while loading", async () => {
    const error = await startFailure("throwing-worker.js");
    expect(error.details.file).toBe(fileURLToPath(script("throwing-worker.js")));
    expect(error.message).toContain("throwing-worker.js failed to start: broken on purpose");
  });

  it("names the script that exits before it has loaded", async () => {
    const error = await startFailure("exiting-worker.js");
    expect(error.details.file).toBe(fileURLToPath(script("exiting-worker.js")));
    expect(error.message).toContain("exited with code 3");
  });

  it("names a script that exists neither compiled nor as source", async () => {
    const error = await startFailure("no-such-worker.js");
    expect(error.details.file).toBe(fileURLToPath(script("no-such-worker.js")));
  });

  it("refuses a script that posts before it is asked", async () => {
    const error = await startFailure("eager-worker.js");
    expect(error.message).toContain("posted a message before it had loaded");
  });

  it("runs the .ts source through tsx, with the parent's flags, when no .js exists", async () => {
    // tsx is found from the script's folder; under vitest, also through vitest's own NODE_PATH.
    const worker = await startWorkerThread(script("typescript-only-worker.js"));
    started.push(worker);
    expect(await ask(worker, "typed")).toEqual({ echo: "typed", execArgv: process.execArgv });
  });
});

describe("startWorkerThreads", () => {
  it("starts the given number of threads", async () => {
    const workers = await startWorkerThreads(script("echo-worker.js"), 3);
    started.push(...workers);
    expect(new Set(workers.map((worker) => worker.threadId)).size).toBe(3);
  });

  it("rejects with the start failure", async () => {
    const error = await startWorkerThreads(script("throwing-worker.js"), 2).catch(
      (failure: unknown) => failure,
    );
    expect(isEmotionStreamError(error, "WORKER_START_FAILED")).toBe(true);
  });
});
