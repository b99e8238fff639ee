// Exists only as TypeScript, as every worker does when a pool runs from source under vitest.
import { parentPort } from "node:worker_threads";

parentPort?.on("message", (message: unknown) =>
  parentPort?.postMessage({ echo: message, execArgv: process.execArgv }),
);
