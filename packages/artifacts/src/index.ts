// What one program writes for another to read, owned in one place: a change to a file's shape
// fails to compile in every reader (trainer, evaluation, export, dashboard, demo, stream server).

export * from "./atomic-file.js";
export * from "./evaluation-decisions.js";
export * from "./evaluation-run-config.js";
export * from "./model-file.js";
export { type ModelCardSource, sidecarPathOf } from "./model-file-card.js";
export * from "./model-file-shapes.js";
export * from "./read-run.js";
export * from "./read-runs.js";
export * from "./report-rows.js";
export * from "./run-config.js";
export * from "./run-data.js";
export * from "./run-files.js";
export * from "./run-history.js";
export * from "./run-id.js";
export {
  RUN_JSON_SCHEMAS,
  type RunJsonContents,
  type RunJsonFile,
  type RunJsonRead,
  readRunJson,
  readRunJsonAs,
  requireRunJson,
  writeRunJson,
} from "./run-json-files.js";
export * from "./run-metrics.js";
export * from "./run-status.js";
export * from "./study-table.js";
export * from "./study-table-text.js";
export * from "./training-run-config.js";
