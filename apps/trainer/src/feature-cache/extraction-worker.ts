// Worker-thread entry of the extraction pool: runs each job it is sent and posts the result back,
// transferring the feature arrays instead of copying them.
import { parentPort } from "node:worker_threads";
import { type ExtractionJob, runExtractionJob } from "./extraction-job.js";

const port = parentPort;
if (port === null) throw new Error("extraction-worker must run in a worker thread");

port.on("message", (job: ExtractionJob) => {
  void runExtractionJob(job).then((result) => {
    const transfer = result.ok
      ? result.matrices.map((matrix) => matrix.data.buffer as ArrayBuffer)
      : [];
    port.postMessage(result, transfer);
  });
});
