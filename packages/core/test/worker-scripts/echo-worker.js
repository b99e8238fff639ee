// Answers each message with the message, its thread id and the flags it was started with.
import { parentPort, threadId } from "node:worker_threads";

parentPort?.on("message", (message) =>
  parentPort?.postMessage({ echo: message, threadId, execArgv: process.execArgv }),
);
