// The only place the server reads the environment: secrets stay out of the command line (where `ps`
// shows them), and everything is validated once at start.
import { parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const commaList = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

export const envSchema = z.object({
  /** Shared secret producers must send in their hello. */
  EMOTION_STREAM_PRODUCER_TOKEN: z.string().min(1).optional(),
  /** Shared secret watchers must send in their hello. */
  EMOTION_STREAM_WATCHER_TOKEN: z.string().min(1).optional(),
  /** Comma-separated Origins allowed to open a WebSocket; empty allows any. */
  EMOTION_STREAM_ALLOWED_ORIGINS: commaList,
  EMOTION_STREAM_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** The shared data folder (corpora, openSMILE references) the benchmark reads speech from. */
  EMOTION_STREAM_SHARED: z.string().min(1).optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(environment: Readonly<Record<string, string | undefined>>): ServerEnv {
  return parseWithSchema(envSchema, environment, "BAD_CONFIG", { file: "environment" });
}
