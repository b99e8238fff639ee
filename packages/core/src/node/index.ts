// Node-only entry (`@emotion-stream/core/node`): what the apps' Node processes share and a browser
// cannot load. The package root stays browser-safe and never imports from here.
export { startWorkerThread, startWorkerThreads } from "./start-worker-thread.js";
