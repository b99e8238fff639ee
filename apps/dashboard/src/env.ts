// The dashboard's only reader of the environment (server side): where the trainer's runs are,
// which stream server a browser connects to first, and that server's watcher token. Parsed once; a bad value stops with its name.
import { resolve } from "node:path";
import { parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";

const envSchema = z.object({
  /** The trainer's `--runs` directory; relative paths are taken from where the user ran pnpm. */
  EMOTION_STREAM_RUNS_DIR: z.string().min(1).optional(),
  /** The stream server's HTTP address; its WebSocket is at the same host. */
  EMOTION_STREAM_SERVER_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:8080"),
  /**
   * The stream server's watcher token, when it has one: the dashboard's server side sends it to
   * `/models` of that server (never of another address a user types).
   */
  EMOTION_STREAM_WATCHER_TOKEN: z.string().min(1).optional(),
  /** Set by pnpm to the directory the user ran the command from. */
  INIT_CWD: z.string().min(1).optional(),
});

export interface DashboardEnv {
  readonly runsDir: string;
  readonly serverUrl: string;
  readonly watcherToken: string | undefined;
}

export function readEnv(source: Record<string, string | undefined> = process.env): DashboardEnv {
  const env = parseWithSchema(envSchema, source, "BAD_CONFIG", { file: "environment" });
  const base = env.INIT_CWD ?? process.cwd();
  return {
    runsDir: resolve(base, env.EMOTION_STREAM_RUNS_DIR ?? "runs"),
    serverUrl: env.EMOTION_STREAM_SERVER_URL,
    watcherToken: env.EMOTION_STREAM_WATCHER_TOKEN,
  };
}
