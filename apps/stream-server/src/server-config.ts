// The server's one options shape, with defaults spread in; the CLI and env.ts parse into it.
import { z } from "zod";

export const serverConfigSchema = z
  .strictObject({
    host: z.string().min(1).default("127.0.0.1"),
    /** 0 picks a free port (tests). */
    port: z.number().int().min(0).max(65535).default(8080),
    /** Model files, each `path.onnx` (id = file name without .onnx) or `id=path.onnx`. */
    models: z.array(z.string().min(1)).default([]),
    /** A directory whose *.onnx files are served, watched for new and changed files. */
    modelsDir: z.string().min(1).optional(),
    /** Reload a model when its file (or its sidecar card) changes. */
    watch: z.boolean().default(true),
    inferenceThreads: z.number().int().min(1).max(16).default(1),
    maxBatch: z.number().int().min(1).max(1024).default(64),
    maxBatchDelayMs: z.number().min(0).max(100).default(2),
    maxQueuedWindows: z.number().int().min(1).default(4096),
    maxPayloadBytes: z
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    maxStreamsPerConnection: z.number().int().min(1).default(64),
    maxStreams: z.number().int().min(1).default(10_000),
    /** Stream seconds a producer may send per wall second, beyond a one-window allowance. */
    realTimeFactor: z.number().positive().default(4),
    pingIntervalMs: z.number().int().min(100).default(15_000),
    handshakeTimeoutMs: z.number().int().min(100).default(10_000),
    /** Shared secrets; when set, the role's hello must carry it. */
    producerToken: z.string().min(1).optional(),
    watcherToken: z.string().min(1).optional(),
    /** Open WebSocket connections in all (handshakes included); past it an upgrade gets HTTP 503. */
    maxConnections: z.number().int().min(1).default(4096),
    /**
     * The main thread's utilisation to stay under: message handling (parsing, PCM conversion and
     * feature extraction, window cutting) gets what sending predictions, pings, HTTP and GC leave of
     * it, split max-min fairly among connections.
     */
    mainThreadTarget: z.number().min(0.1).max(1).default(0.6),
    /** PCM streams at another rate than their model's (each holds a libsamplerate converter). */
    maxResampledStreams: z.number().int().min(0).default(64),
    maxResampledStreamsPerConnection: z.number().int().min(0).default(8),
    /** Unsent bytes over all connections; past it the peers furthest behind are disconnected. */
    maxTotalUnsentBytes: z
      .number()
      .int()
      .min(1)
      .default(256 * 1024 * 1024),
    /** Wrong tokens from one address within `authFailureWindowMs` before it is refused until the window ends. */
    maxAuthFailures: z.number().int().min(1).default(10),
    authFailureWindowMs: z.number().int().min(1000).default(60_000),
    /** Streams a watcher may name in its subscriptions ("all" counts as none). */
    maxSubscriptionsPerWatcher: z.number().int().min(1).default(1024),
    /** Origins allowed to connect (browsers send one); empty allows any. */
    allowedOrigins: z.array(z.string().min(1)).default([]),
    watcherSkipBytes: z
      .number()
      .int()
      .min(0)
      .default(256 * 1024),
    /** Unsent bytes past which any peer (producer or watcher) is disconnected as a slow consumer. */
    maxUnsentBytes: z
      .number()
      .int()
      .min(1)
      .default(4 * 1024 * 1024),
  })
  .refine((config) => config.watcherSkipBytes < config.maxUnsentBytes, {
    message: "watcherSkipBytes must be below maxUnsentBytes",
    path: ["watcherSkipBytes"],
  });

export type ServerConfigInput = z.input<typeof serverConfigSchema>;
export type ServerConfig = z.output<typeof serverConfigSchema>;
