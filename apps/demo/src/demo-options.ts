// The demo's flags, parsed once at the edge into one typed shape; paths made absolute against the
// directory the user ran the command from.
import { resolve } from "node:path";
import { parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);

const demoFlagsSchema = z.object({
  model: z.string().min(1).optional(),
  play: z.string().min(1).optional(),
  corpus: z.array(z.string().regex(/^[a-z0-9-]+:.+/i, "expected <adapter>:<path>")).default([]),
  port,
  dashboardPort: port,
  dashboard: z.boolean(),
  host: z.string().min(1),
  cache: z.string().min(1),
  retrain: z.boolean().default(false),
  speakers: z.coerce.number().int().min(2).max(200),
  utterances: z.coerce.number().int().min(1).max(200),
  epochs: z.coerce.number().int().min(1).optional(),
  preset: z.string().min(1).optional(),
  buildApps: z.boolean(),
});

export interface DemoOptions {
  /** A ready ONNX model to serve; no training then. */
  readonly model?: string;
  /** A manifest.csv whose utterances the producer plays instead of held-out synthetic speech. */
  readonly play?: string;
  /** `--corpus` arguments for the trainer; empty means the synthetic default corpus. */
  readonly corpora: readonly string[];
  readonly host: string;
  readonly port: number;
  /** Undefined with --no-dashboard. */
  readonly dashboardPort?: number;
  /** Corpus, runs, model and logs live here. */
  readonly cacheDir: string;
  readonly retrain: boolean;
  readonly synthetic: { readonly speakers: number; readonly utterances: number };
  readonly epochs?: number;
  readonly preset?: string;
  /** Build the trainer, server and dashboard through turbo first (off when a caller did). */
  readonly buildApps: boolean;
}

export function parseDemoOptions(flags: unknown, cwd: string = process.cwd()): DemoOptions {
  const parsed = parseWithSchema(demoFlagsSchema, flags, "BAD_ARGUMENT", { file: "command line" });
  return {
    ...(parsed.model === undefined ? {} : { model: resolve(cwd, parsed.model) }),
    ...(parsed.play === undefined ? {} : { play: resolve(cwd, parsed.play) }),
    corpora: parsed.corpus.map((argument) => absoluteCorpusArgument(argument, cwd)),
    host: parsed.host,
    port: parsed.port,
    ...(parsed.dashboard ? { dashboardPort: parsed.dashboardPort } : {}),
    cacheDir: resolve(cwd, parsed.cache),
    retrain: parsed.retrain,
    synthetic: { speakers: parsed.speakers, utterances: parsed.utterances },
    ...(parsed.epochs === undefined ? {} : { epochs: parsed.epochs }),
    ...(parsed.preset === undefined ? {} : { preset: parsed.preset }),
    buildApps: parsed.buildApps,
  };
}

/** `adapter:relative/path[:lang]` -> `adapter:/absolute/path[:lang]`, for cache keys and children. */
function absoluteCorpusArgument(argument: string, cwd: string): string {
  const separator = argument.indexOf(":");
  return `${argument.slice(0, separator)}:${resolve(cwd, argument.slice(separator + 1))}`;
}
