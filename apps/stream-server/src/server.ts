// The server: one node:http port for HTTP routes and WebSocket upgrades. Composes the model
// registry, the inference workers, the live streams and the watcher hub; pings clients and
// terminates the ones that stop answering.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import type { Duplex } from "node:stream";
import {
  CLOSE_CODES,
  EmotionStreamError,
  type ModelsAnswer,
  parseWithSchema,
} from "@emotion-stream/core";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import { ConnectionBudgets, REBALANCE_MS } from "./budgets/connection-budgets.js";
import { GcRefunds } from "./budgets/gc-refunds.js";
import { ClientAuthentication } from "./connection/client-authentication.js";
import { ClientConnection } from "./connection/client-connection.js";
import { WatcherHub } from "./connection/watcher-hub.js";
import {
  bearerToken,
  createHttpHandler,
  type HttpRefusal,
  type RouteAccess,
} from "./http/http-routes.js";
import { InferencePool } from "./inference/inference-pool.js";
import { ServerMetrics } from "./metrics/server-metrics.js";
import { ThreadMemoryMonitor } from "./metrics/thread-memory.js";
import { ModelRegistry } from "./models/model-registry.js";
import { type ServerConfig, type ServerConfigInput, serverConfigSchema } from "./server-config.js";
import { LiveStreams } from "./streams/live-streams.js";
import { ResamplerPool } from "./streams/resampler-pool.js";

export interface StreamServer {
  readonly config: ServerConfig;
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  readonly url: string;
  readonly registry: ModelRegistry;
  close(): Promise<void>;
}

export async function startStreamServer(
  input: ServerConfigInput,
  log: Logger,
): Promise<StreamServer> {
  const config = parseWithSchema(serverConfigSchema, input, "BAD_CONFIG");
  const pool = new InferencePool(config.inferenceThreads, config.maxBatch);
  pool.onWorkerError = (error) =>
    log.error({ reason: error.message }, "inference worker failed; replacing it");
  const registry = new ModelRegistry(pool, log);
  try {
    await registry.start(config.models, config.modelsDir, config.watch);
  } catch (error) {
    registry.close();
    await pool.close();
    throw error;
  }
  const metrics = new ServerMetrics();
  const mainMemory = new ThreadMemoryMonitor();
  const gcRefunds = new GcRefunds();
  const watchers = new WatcherHub(
    {
      skipBytes: config.watcherSkipBytes,
      dropBytes: config.maxUnsentBytes,
      maxSubscriptions: config.maxSubscriptionsPerWatcher,
    },
    gcRefunds,
  );
  const authentication = new ClientAuthentication(
    { producer: config.producerToken, watcher: config.watcherToken },
    {
      maxFailures: config.maxAuthFailures,
      windowMs: config.authFailureWindowMs,
      trackedAddresses: TRACKED_AUTH_ADDRESSES,
    },
  );
  const resamplers = new ResamplerPool(config.maxResampledStreams);
  const liveStreams = new LiveStreams({
    config,
    registry,
    pool,
    resamplers,
    watchers,
    metrics,
    log,
  });
  const connections = new Map<WebSocket, ClientConnection>();
  const budgets = new ConnectionBudgets(
    config.mainThreadTarget,
    config.maxTotalUnsentBytes,
    performance.now(),
  );
  let unsentBytes = 0;
  /** Upgrades accepted by ws but not connected yet, counted against maxConnections. */
  let upgrading = 0;
  const http = createServer(
    createHttpHandler({
      ready: () => registry.ids().length > 0,
      models: (): ModelsAnswer =>
        registry.list().map(({ id, version, path, cardSource, seal, loadedAt, card }) => ({
          id,
          version,
          file: basename(path),
          cardSource,
          sealed: seal === "sealed",
          loadedAt: loadedAt.toISOString(),
          card,
        })),
      streams: () => liveStreams.streams(),
      metrics: () => {
        metrics.watcherSkipsTotal = watchers.skipped;
        const roles = [...connections.values()].map((connection) => connection.role);
        return metrics.render(
          {
            streams: liveStreams.size,
            producers: roles.filter((role) => role === "producer").length,
            watchers: watchers.size,
            queuedWindows: liveStreams.queuedWindows,
            models: registry.ids().length,
            throttledConnections: [...connections.values()].filter((c) => c.throttled).length,
            connectionCpuMsPerSecond: budgets.fairShareMs,
            handlingCpuMsPerSecond: budgets.capacityMs,
            resampledStreams: resamplers.inUse,
            unsentBytes,
          },
          {
            residentBytes: process.memoryUsage.rss(),
            threads: [
              { thread: "main", memory: mainMemory.sample() },
              ...pool.workerMemory.map((memory, index) => ({
                thread: `inference-${index}`,
                memory,
              })),
            ],
          },
        );
      },
      refusal: (access, request) => httpRefusal(authentication, access, request),
      onError: (error) => log.error({ err: error }, "HTTP route failed"),
    }),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayloadBytes });
  http.on("upgrade", (request, socket, head) => upgrade(request, socket, head));
  wss.on("connection", (socket, request: IncomingMessage) => {
    connections.set(
      socket,
      new ClientConnection(
        socket,
        addressOf(request),
        { config, authentication, gcRefunds, registry, liveStreams, watchers, metrics, log },
        budgets.newConnectionRate,
      ),
    );
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
    socket.on("close", (code) => {
      if (code === CLOSE_CODES.slowConsumer) metrics.slowConsumersTotal++;
      connections.delete(socket);
      alive.delete(socket);
    });
    socket.on("error", (error) => log.debug({ reason: error.message }, "socket error"));
  });

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Until ws takes the socket over, its errors (a peer resetting mid-refusal) are ours to catch.
    socket.on("error", (error) => log.debug({ reason: error.message }, "upgrade socket error"));
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      config.allowedOrigins.length > 0 &&
      !config.allowedOrigins.includes(origin)
    ) {
      metrics.countError("ORIGIN_NOT_ALLOWED");
      refuseUpgrade(socket, "403 Forbidden", "ORIGIN_NOT_ALLOWED: this Origin may not connect");
      return;
    }
    const retryAfter = authentication.lockedOut(addressOf(request), performance.now());
    if (retryAfter !== undefined) {
      metrics.countError("UNAUTHORIZED");
      refuseUpgrade(
        socket,
        "429 Too Many Requests",
        `UNAUTHORIZED: too many wrong tokens from this address; try again in ${retryAfter} s`,
        [`retry-after: ${retryAfter}`],
      );
      return;
    }
    if (connections.size + upgrading >= config.maxConnections) {
      metrics.countError("STREAM_LIMIT");
      refuseUpgrade(
        socket,
        "503 Service Unavailable",
        `STREAM_LIMIT: the server holds its limit of ${config.maxConnections} connections`,
        ["retry-after: 5"],
      );
      return;
    }
    // ws ends a failed handshake without calling back: the socket's close settles the count then.
    upgrading++;
    let upgradePending = true;
    const settle = () => {
      if (upgradePending) upgrading--;
      upgradePending = false;
    };
    socket.once("close", settle);
    wss.handleUpgrade(request, socket, head, (client) => {
      settle();
      wss.emit("connection", client, request);
    });
  }

  // A client that has not answered the previous ping by the next one is gone.
  const alive = new Set<WebSocket>();
  const pinger = setInterval(() => {
    for (const [socket, connection] of connections) {
      // A connection whose socket is paused for its CPU share cannot read the pong; it is checked
      // once it resumes.
      if (connection.readingPaused) continue;
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, config.pingIntervalMs);
  const sampler = setInterval(() => metrics.sample(performance.now()), 1000);
  let loopActivity = performance.eventLoopUtilization();
  const rebalancer = setInterval(() => {
    const activity = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(activity, loopActivity);
    loopActivity = activity;
    const all = [...connections.entries()].map(([socket, { budget }]) => ({ socket, budget }));
    budgets.rebalance(all, performance.now(), utilization);
    unsentBytes = budgets.enforceUnsent(all);
  }, REBALANCE_MS);

  await new Promise<void>((resolve, reject) => {
    http.once("error", (error) =>
      reject(
        new EmotionStreamError("BAD_CONFIG", `cannot listen: ${error.message}`, { field: "port" }),
      ),
    );
    http.listen(config.port, config.host, resolve);
  });
  const port = (http.address() as AddressInfo).port;
  log.info({ host: config.host, port, models: registry.ids() }, "stream server listening");

  return {
    config,
    port,
    url: `ws://${config.host}:${port}`,
    registry,
    async close() {
      clearInterval(pinger);
      clearInterval(sampler);
      clearInterval(rebalancer);
      gcRefunds.close();
      metrics.close();
      mainMemory.stop();
      registry.close();
      liveStreams.close();
      for (const socket of connections.keys()) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeHttp(http);
      await pool.close();
    },
  };
}

// Enough for every client of a busy server; an address forgotten early only restarts its count.
const TRACKED_AUTH_ADDRESSES = 10_000;

function addressOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? "unknown";
}

function refuseUpgrade(
  socket: Duplex,
  status: string,
  text: string,
  headers: readonly string[] = [],
): void {
  const head = [`HTTP/1.1 ${status}`, "connection: close", "content-type: text/plain", ...headers];
  socket.end(`${head.join("\r\n")}\r\n\r\n${text}\n`);
}

/** `/models` and `/streams` show what a hello of the matching role would: they need its token. */
function httpRefusal(
  authentication: ClientAuthentication,
  access: RouteAccess,
  request: IncomingMessage,
): HttpRefusal | undefined {
  if (access === "open" || !authentication.enabled) return undefined;
  const roles = access === "watcher" ? (["watcher"] as const) : (["producer", "watcher"] as const);
  const verdict = authentication.verify(
    roles,
    bearerToken(request),
    addressOf(request),
    performance.now(),
  );
  if (verdict.kind === "accepted") return undefined;
  if (verdict.kind === "locked-out") {
    return {
      status: 429,
      code: "UNAUTHORIZED",
      message: `too many wrong tokens from this address; try again in ${verdict.retryAfterSeconds} s`,
      retryAfterSeconds: verdict.retryAfterSeconds,
    };
  }
  return {
    status: 401,
    code: "UNAUTHORIZED",
    message: `send "Authorization: Bearer <token>" with the ${roles.join(" or ")} token`,
  };
}

function closeHttp(http: Server): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve());
    http.closeAllConnections();
  });
}
