// Posts while its module loads, before anyone has sent it a message.
import { parentPort } from "node:worker_threads";

parentPort?.postMessage("too early");
