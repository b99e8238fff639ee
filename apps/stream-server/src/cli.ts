#!/usr/bin/env node
import { EmotionStreamError } from "@emotion-stream/core";
// `pnpm run server --model models/cnn.onnx --port 8080`: flags and environment parsed at the edge into
// the server's one config shape; errors print one line (the stack with --verbose).
import { Command, Option } from "commander";
import { pino } from "pino";
import { readEnv } from "./env.js";
import { startStreamServer } from "./server.js";
import type { ServerConfigInput } from "./server-config.js";

interface CliOptions {
  readonly model: string[];
  readonly modelsDir?: string;
  readonly host: string;
  readonly port: string;
  readonly watch: boolean;
  readonly inferenceThreads?: string;
  readonly maxBatch?: string;
  readonly maxBatchDelayMs?: string;
  readonly maxQueuedWindows?: string;
  readonly maxPayloadBytes?: string;
  readonly maxStreamsPerConnection?: string;
  readonly maxStreams?: string;
  readonly realTimeFactor?: string;
  readonly pingIntervalMs?: string;
  readonly maxConnections?: string;
  readonly mainThreadTarget?: string;
  readonly maxResampledStreams?: string;
  readonly maxResampledStreamsPerConnection?: string;
  readonly maxSubscriptionsPerWatcher?: string;
  readonly maxTotalUnsentBytes?: string;
  readonly allowedOrigin: string[];
  readonly verbose: boolean;
}

const NUMERIC_FLAGS = [
  "inferenceThreads",
  "maxBatch",
  "maxBatchDelayMs",
  "maxQueuedWindows",
  "maxPayloadBytes",
  "maxStreamsPerConnection",
  "maxStreams",
  "realTimeFactor",
  "pingIntervalMs",
  "maxConnections",
  "mainThreadTarget",
  "maxResampledStreams",
  "maxResampledStreamsPerConnection",
  "maxSubscriptionsPerWatcher",
  "maxTotalUnsentBytes",
] as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function program(): Command {
  return new Command("emotion-stream-server")
    .description(
      "Serve ONNX emotion models to live feature or audio streams over WebSocket, with HTTP health, models, streams and metrics on the same port.",
    )
    .option(
      "--model <path>",
      "a model file, `path.onnx` or `id=path.onnx` (repeatable)",
      collect,
      [],
    )
    .option(
      "--models-dir <dir>",
      "serve every *.onnx in this directory, picking up new and changed files",
    )
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "port for HTTP and WebSocket (0 picks a free one)", "8080")
    .option("--no-watch", "do not reload models when their files change")
    .option("--inference-threads <n>", "worker threads running onnxruntime (default 1)")
    .option("--max-batch <n>", "most windows per inference batch (default 64)")
    .option("--max-batch-delay-ms <ms>", "longest a window waits for its batch to fill (default 2)")
    .option(
      "--max-queued-windows <n>",
      "windows queued for inference before OVERLOADED (default 4096)",
    )
    .option("--max-payload-bytes <n>", "largest message accepted (default 1 MiB)")
    .option("--max-streams-per-connection <n>", "open streams per producer connection (default 64)")
    .option("--max-streams <n>", "open streams in all (default 10000)")
    .option("--real-time-factor <x>", "stream seconds allowed per wall second (default 4)")
    .option(
      "--ping-interval-ms <ms>",
      "ping period; a peer silent for two periods is dropped (default 15000)",
    )
    .option("--max-connections <n>", "WebSocket connections in all (default 4096)")
    .option(
      "--main-thread-target <share>",
      "main-thread utilisation to stay under; message handling gets what other work leaves, shared fairly among connections (default 0.6)",
    )
    .option(
      "--max-resampled-streams <n>",
      "PCM streams at another rate than the model's, in all (default 64)",
    )
    .option(
      "--max-resampled-streams-per-connection <n>",
      "PCM streams needing rate conversion per connection (default 8)",
    )
    .option(
      "--max-subscriptions-per-watcher <n>",
      "streams a watcher may name in its subscriptions (default 1024)",
    )
    .option(
      "--max-total-unsent-bytes <n>",
      "bytes queued for sending over all connections (default 256 MiB)",
    )
    .option(
      "--allowed-origin <origin>",
      "an Origin allowed to connect (repeatable; default any)",
      collect,
      [],
    )
    .option("--verbose", "print stack traces with errors", false)
    .addOption(
      new Option("--log-level <level>", "overrides EMOTION_STREAM_LOG_LEVEL").choices([
        "fatal",
        "error",
        "warn",
        "info",
        "debug",
        "trace",
        "silent",
      ]),
    )
    .addHelpText(
      "after",
      "\nEnvironment: EMOTION_STREAM_PRODUCER_TOKEN, EMOTION_STREAM_WATCHER_TOKEN (shared secrets the hello must carry),\nEMOTION_STREAM_ALLOWED_ORIGINS (comma-separated), EMOTION_STREAM_LOG_LEVEL.",
    );
}

function configOf(options: CliOptions, env: ReturnType<typeof readEnv>): ServerConfigInput {
  const numbers = Object.fromEntries(
    NUMERIC_FLAGS.filter((flag) => options[flag] !== undefined).map((flag) => [
      flag,
      Number(options[flag]),
    ]),
  );
  const origins = [...options.allowedOrigin, ...env.EMOTION_STREAM_ALLOWED_ORIGINS];
  return {
    host: options.host,
    port: Number(options.port),
    models: options.model,
    ...(options.modelsDir === undefined ? {} : { modelsDir: options.modelsDir }),
    watch: options.watch,
    allowedOrigins: origins,
    ...(env.EMOTION_STREAM_PRODUCER_TOKEN === undefined
      ? {}
      : { producerToken: env.EMOTION_STREAM_PRODUCER_TOKEN }),
    ...(env.EMOTION_STREAM_WATCHER_TOKEN === undefined
      ? {}
      : { watcherToken: env.EMOTION_STREAM_WATCHER_TOKEN }),
    ...numbers,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const command = program();
  command.parse(argv);
  const options = command.opts<CliOptions & { logLevel?: string }>();
  try {
    const env = readEnv(process.env);
    if (options.model.length === 0 && options.modelsDir === undefined) {
      throw new EmotionStreamError("BAD_ARGUMENT", "give at least one --model or a --models-dir", {
        field: "--model",
      });
    }
    const log = pino({ level: options.logLevel ?? env.EMOTION_STREAM_LOG_LEVEL });
    const server = await startStreamServer(configOf(options, env), log);
    const stop = (signal: string) => {
      log.info({ signal }, "shutting down");
      void server.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const line = error instanceof EmotionStreamError ? error.describe() : String(error);
    console.error(`error: ${line}`);
    if (options.verbose && error instanceof Error) console.error(error.stack);
    process.exit(1);
  }
}

void main(process.argv);
