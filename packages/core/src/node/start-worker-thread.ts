// Starts a worker thread from its module URL the same way in every pool: the compiled .js when it
// exists, else the .ts source through tsx (vitest and tsx runs), and only once its module has loaded,
// so a script that is missing, fails to import or exits early is one error naming it.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { EmotionStreamError } from "../errors.js";

/** What the bootstrap posts once the worker's module has been evaluated. */
const READY = "emotion-stream/worker-thread-ready";

interface WorkerEntry {
  /** The script's path, as errors name it. */
  readonly file: string;
  readonly bootstrap: string;
  /** Undefined inherits the parent's flags. */
  readonly execArgv: string[] | undefined;
}

/**
 * Starts one worker thread running `script` (e.g. `new URL("./my-worker.js", import.meta.url)`) and
 * resolves once its module has loaded. Run from source, where only `my-worker.ts` exists, the worker
 * registers tsx (resolved from the script's own folder) before importing it. The script must not post
 * before it is sent a message. Rejects with WORKER_START_FAILED, `details.file` naming the script.
 */
export async function startWorkerThread(script: URL): Promise<Worker> {
  const entry = workerEntry(script);
  const worker = new Worker(entry.bootstrap, { eval: true, execArgv: entry.execArgv });
  await new Promise<void>((resolve, reject) => {
    const settle = (failure?: { reason: string; cause?: unknown }) => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (failure === undefined) {
        resolve();
        return;
      }
      void worker.terminate();
      reject(
        new EmotionStreamError(
          "WORKER_START_FAILED",
          `worker thread ${entry.file} ${failure.reason}`,
          { file: entry.file },
          { cause: failure.cause },
        ),
      );
    };
    const onMessage = (message: unknown) =>
      settle(message === READY ? undefined : { reason: "posted a message before it had loaded" });
    const onError = (error: Error) =>
      settle({ reason: `failed to start: ${error.message}`, cause: error });
    const onExit = (code: number) =>
      settle({ reason: `exited with code ${code} before it had loaded` });
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
  return worker;
}

/** Starts `count` threads of `script`; if any fails to start, ends the others and rejects with its error. */
export async function startWorkerThreads(script: URL, count: number): Promise<Worker[]> {
  const starts = await Promise.allSettled(
    Array.from({ length: count }, () => startWorkerThread(script)),
  );
  const failed = starts.find(
    (start): start is PromiseRejectedResult => start.status === "rejected",
  );
  const workers = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
  if (failed === undefined) return workers;
  await Promise.all(workers.map((worker) => worker.terminate()));
  throw failed.reason;
}

function workerEntry(script: URL): WorkerEntry {
  const file = fileURLToPath(script);
  const source = new URL(script.href.replace(/\.js$/, ".ts"));
  if (existsSync(file) || !existsSync(fileURLToPath(source))) {
    return {
      file,
      bootstrap: bootstrap(script.href, undefined),
      execArgv: withoutSourceCondition(process.execArgv),
    };
  }
  // Node 20 does not pass --import hooks on to workers, so the worker registers tsx itself. Its
  // flags stay the parent's: under vitest they carry `--conditions source`, which points workspace
  // packages at their TypeScript too.
  return {
    file: fileURLToPath(source),
    bootstrap: bootstrap(source.href, tsxApi(source)),
    execArgv: undefined,
  };
}

/**
 * The `import` build of tsx's register API, found from the script's folder (tsx is a dev dependency
 * of the apps, not of this package). require.resolve gives the CommonJS build, whose register()
 * resolves its hooks against the wrong directory, hence the .mjs sibling.
 */
function tsxApi(source: URL): string {
  try {
    const commonJs = createRequire(source).resolve("tsx/esm/api");
    return pathToFileURL(commonJs.replace(/\.cjs$/, ".mjs")).href;
  } catch (error) {
    const file = fileURLToPath(source);
    throw new EmotionStreamError(
      "WORKER_START_FAILED",
      `worker thread ${file} is TypeScript, and tsx, which runs it from source, cannot be found from its folder`,
      { file },
      { cause: error },
    );
  }
}

/** The worker's eval'd script: register tsx if given, import the module, then say it is ready. */
function bootstrap(module: string, tsx: string | undefined): string {
  const register = tsx === undefined ? "" : `(await import(${JSON.stringify(tsx)})).register();`;
  return `(async () => {
  ${register}
  await import(${JSON.stringify(module)});
  (await import("node:worker_threads")).parentPort.postMessage(${JSON.stringify(READY)});
})();`;
}

/**
 * A compiled worker resolves packages to their builds: `--conditions source` (set by vitest, so that
 * tests import workspace packages from TypeScript) would point it at sources it cannot load.
 */
function withoutSourceCondition(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < execArgv.length; index++) {
    const flag = execArgv[index] as string;
    if ((flag === "--conditions" || flag === "-C") && execArgv[index + 1] === "source") index++;
    else if (flag !== "--conditions=source" && flag !== "-C=source") kept.push(flag);
  }
  return kept;
}
