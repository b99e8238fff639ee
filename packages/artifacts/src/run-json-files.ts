// The JSON files of a run directory and what each holds: writers are held to the shape a training
// or evaluation run writes, readers get it parsed by the one schema every reader shares, so a change
// to a file's shape fails to compile in the trainer, the dashboard and every other reader.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError, type ModelCard, parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";
import { writeFileAtomically } from "./atomic-file.js";
import { type EvaluationDecisions, evaluationDecisionsSchema } from "./evaluation-decisions.js";
import type { EvaluationRunConfig } from "./evaluation-run-config.js";
import { runConfigSchema } from "./run-config.js";
import { type RunData, runDataSchema } from "./run-data.js";
import { RUN_FILES } from "./run-files.js";
import { type RunHistory, runHistorySchema } from "./run-history.js";
import { type RunMetrics, runMetricsSchema } from "./run-metrics.js";
import { type RunStatus, runStatusSchema } from "./run-status.js";
import type { TrainingRunConfig } from "./training-run-config.js";

/** What the trainer writes into each JSON file of a run. */
export interface RunJsonContents {
  readonly status: RunStatus;
  readonly config: TrainingRunConfig | EvaluationRunConfig;
  readonly data: RunData;
  readonly history: RunHistory;
  readonly metrics: RunMetrics;
  readonly modelCard: ModelCard;
  readonly decisions: EvaluationDecisions;
}

export type RunJsonFile = keyof RunJsonContents;

/**
 * How each file is read. config.json is read as every command's common run config (the fields of
 * the command that wrote it are kept, untyped); the model card is read as stored and checked by
 * core's parseModelCard where it is used, so a card of an older format can still be shown.
 */
export const RUN_JSON_SCHEMAS = {
  status: runStatusSchema,
  config: runConfigSchema,
  data: runDataSchema,
  history: runHistorySchema,
  metrics: runMetricsSchema,
  modelCard: z.unknown(),
  decisions: evaluationDecisionsSchema,
} as const satisfies Record<RunJsonFile, z.ZodType>;

export type RunJsonRead<File extends RunJsonFile> = z.output<(typeof RUN_JSON_SCHEMAS)[File]>;

/** Writes one JSON file of the run atomically, indented, with a final newline. */
export async function writeRunJson<File extends RunJsonFile>(
  runPath: string,
  file: File,
  value: RunJsonContents[File],
): Promise<void> {
  await writeFileAtomically(join(runPath, RUN_FILES[file]), `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * One JSON file of the run parsed by its schema; undefined when the run has no such file (yet).
 * BAD_FILE, naming the file and the first wrong field, when it is not JSON or not in its shape.
 */
export async function readRunJson<File extends RunJsonFile>(
  runPath: string,
  file: File,
): Promise<RunJsonRead<File> | undefined> {
  // TypeScript does not narrow the indexed schema by the generic key; the lookup is by that key.
  const schema = RUN_JSON_SCHEMAS[file] as z.ZodType<RunJsonRead<File>>;
  return readRunJsonAs(runPath, file, schema);
}

/**
 * As readRunJson, parsed by `schema`: for a reader that needs only part of a file and accepts
 * runs older trainers wrote (a schema derived from the file's own, e.g. by `pick`).
 */
export async function readRunJsonAs<Schema extends z.ZodType>(
  runPath: string,
  file: RunJsonFile,
  schema: Schema,
): Promise<z.output<Schema> | undefined> {
  const path = join(runPath, RUN_FILES[file]);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EmotionStreamError(
      "BAD_FILE",
      `${RUN_FILES[file]} is not valid JSON`,
      { file: path },
      { cause },
    );
  }
  return parseWithSchema(schema, value, "BAD_FILE", { file: path });
}

/** A file the run must have, as read above: BAD_FILE naming it when it is missing. */
export function requireRunJson<Value>(
  value: Value | undefined,
  runPath: string,
  file: RunJsonFile,
): Value {
  if (value !== undefined) return value;
  throw new EmotionStreamError("BAD_FILE", `the run has no ${RUN_FILES[file]}`, {
    file: join(runPath, RUN_FILES[file]),
  });
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
