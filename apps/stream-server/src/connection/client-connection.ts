// One WebSocket client from hello to close: the handshake (protocol version, role, token), then
// producer messages (open, frames as JSON or binary, end) or watcher messages (subscribe). Any bad
// message is answered with an error naming its code and stream; only that message, stream or (for a
// failed handshake) connection suffers.
import {
  CLOSE_CODES,
  type ClientMessage,
  EmotionStreamError,
  type HelloMessage,
  type OpenedMessage,
  PROTOCOL_VERSION,
  parseClientMessage,
  STREAM_ENDING_ERROR_CODES,
  type WelcomeMessage,
} from "@emotion-stream/core";
import type { Logger } from "pino";
import type { RawData, WebSocket } from "ws";
import { CpuBudget } from "../budgets/cpu-budget.js";
import type { GcRefunds } from "../budgets/gc-refunds.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { ModelRegistry } from "../models/model-registry.js";
import type { ServerConfig } from "../server-config.js";
import type { LiveStreams } from "../streams/live-streams.js";
import type { ProducerStream } from "../streams/producer-stream.js";
import type { ClientAuthentication } from "./client-authentication.js";
import { errorMessageOf } from "./error-message.js";
import { checkBinaryFits, decodeNamingStream, jsonValues } from "./frame-payload.js";
import { ProducerConnection } from "./producer-connection.js";
import { sendBounded } from "./send-bounded.js";
import type { WatcherHub } from "./watcher-hub.js";

export interface ConnectionParts {
  readonly config: ServerConfig;
  readonly authentication: ClientAuthentication;
  readonly gcRefunds: GcRefunds;
  readonly registry: ModelRegistry;
  readonly liveStreams: LiveStreams;
  readonly watchers: WatcherHub;
  readonly metrics: ServerMetrics;
  readonly log: Logger;
}

/** Bytes of messages a held connection may have waiting before its socket is paused. */
const BACKLOG_BYTES = 1024 * 1024;

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

interface BackloggedMessage {
  readonly data: RawData;
  readonly isBinary: boolean;
  readonly receivedAt: number;
}

export class ClientConnection {
  /** Its share of the main thread; reading stops while it is in debt. */
  readonly budget: CpuBudget;
  private producer: ProducerConnection | undefined;
  private watcher = false;
  private readonly handshakeTimer: NodeJS.Timeout;
  private resumeTimer: NodeJS.Timeout | undefined;
  /** Messages that arrived while the connection was held, handled in order when it is repaid. */
  private readonly backlog: BackloggedMessage[] = [];
  private backlogBytes = 0;
  private paused = false;

  constructor(
    private readonly socket: WebSocket,
    /** The peer's IP address, for the brake on wrong tokens. */
    private readonly address: string,
    private readonly parts: ConnectionParts,
    /** The main-thread share every connection has now, in CPU ms per second. */
    cpuRateMsPerSecond: number,
  ) {
    this.budget = new CpuBudget(cpuRateMsPerSecond, performance.now());
    this.handshakeTimer = setTimeout(
      () =>
        this.fail(
          new EmotionStreamError(
            "TIMEOUT",
            `no hello within ${parts.config.handshakeTimeoutMs} ms`,
          ),
        ),
      parts.config.handshakeTimeoutMs,
    );
    socket.on("message", (data, isBinary) => this.receive(data, isBinary));
    socket.on("close", () => this.closed());
  }

  get role(): "producer" | "watcher" | undefined {
    if (this.producer !== undefined) return "producer";
    return this.watcher ? "watcher" : undefined;
  }

  /** Whether the connection's messages wait until its CPU debt is repaid. */
  get throttled(): boolean {
    return this.resumeTimer !== undefined;
  }

  /** Whether its socket is not read (a pong or a close cannot be seen until it resumes). */
  get readingPaused(): boolean {
    return this.paused;
  }

  private receive(data: RawData, isBinary: boolean): void {
    const receivedAt = performance.now();
    if (this.resumeTimer !== undefined || this.backlog.length > 0) {
      this.wait({ data, isBinary, receivedAt });
      return;
    }
    const waitMs = this.handle(data, isBinary, receivedAt);
    if (waitMs > 0) this.holdReading(waitMs);
  }

  /**
   * A message that arrived while the connection is held waits, in order. The socket is still read
   * (so a close or a pong is seen at once) until BACKLOG_BYTES wait; then it is paused, and its
   * data waits in TCP: no connection can grow the server's memory by sending faster than its share.
   */
  private wait(message: BackloggedMessage): void {
    this.backlog.push(message);
    this.backlogBytes += byteLength(message.data);
    if (this.backlogBytes > BACKLOG_BYTES && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
  }

  /** Handles one message and charges its time; returns how long the connection must now wait. */
  private handle(data: RawData, isBinary: boolean, receivedAt: number): number {
    const startedAt = performance.now();
    try {
      if (this.role === undefined) this.handshake(data, isBinary);
      else if (isBinary) this.receiveBinary(data as Buffer, receivedAt);
      else this.dispatch(parseClientMessage(data.toString()), receivedAt);
    } catch (error) {
      this.fail(error);
    }
    const handledAt = performance.now();
    this.parts.gcRefunds.record(this.budget, startedAt, handledAt);
    return this.budget.charge(handledAt - startedAt, handledAt);
  }

  /**
   * Holds the connection's messages until the budget's debt is repaid, then handles those that
   * arrived meanwhile, as far as the budget goes, before taking new ones directly again.
   */
  private holdReading(waitMs: number): void {
    this.parts.metrics.readPausesTotal++;
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      let wait = this.budget.waitMs(performance.now());
      while (wait === 0 && this.backlog.length > 0) {
        const next = this.backlog.shift() as BackloggedMessage;
        this.backlogBytes -= byteLength(next.data);
        wait = this.handle(next.data, next.isBinary, next.receivedAt);
      }
      if (wait > 0) this.holdReading(wait);
      if (this.paused && this.backlogBytes <= BACKLOG_BYTES) {
        this.paused = false;
        this.socket.resume();
      }
    }, Math.ceil(waitMs));
  }

  /** The first message must be a valid hello; anything else ends the connection. */
  private handshake(data: RawData, isBinary: boolean): void {
    if (isBinary) throw new EmotionStreamError("HANDSHAKE_REQUIRED", "binary frames before hello");
    let message: ClientMessage;
    try {
      message = parseClientMessage(data.toString());
    } catch (error) {
      const reason = error instanceof EmotionStreamError ? error : undefined;
      throw new EmotionStreamError(
        "HANDSHAKE_REQUIRED",
        `the first message must be a hello: ${reason?.message ?? "it could not be read"}`,
        reason?.details.field === undefined ? {} : { field: reason.details.field },
      );
    }
    if (message.type !== "hello")
      throw new EmotionStreamError("HANDSHAKE_REQUIRED", `${message.type} before hello`);
    this.hello(message);
  }

  private dispatch(message: ClientMessage, receivedAt: number): void {
    if (message.type === "hello")
      throw new EmotionStreamError("BAD_MESSAGE", "hello was already received");
    if (message.type === "subscribe" || message.type === "unsubscribe") {
      this.requireRole("watcher", message.type);
      const { watchers, liveStreams } = this.parts;
      if (message.type === "unsubscribe") watchers.unsubscribe(this.socket, message.streams);
      else
        this.send({
          type: "subscribed",
          streams: watchers.subscribe(this.socket, message.streams, liveStreams.streams()),
        });
      return;
    }
    const producer = this.requireRole("producer", message.type);
    const { liveStreams } = this.parts;
    if (message.type === "open") {
      const session = liveStreams.open(producer, message);
      if (session.needsResampler) void this.prepare(session);
      else this.sendOpened(session);
    } else if (message.type === "frames") {
      const session = this.stream(producer, message.streamId);
      this.guarded(session, () =>
        liveStreams.push(producer, session, jsonValues(session, message), receivedAt),
      );
    } else {
      liveStreams.end(producer, this.stream(producer, message.streamId), receivedAt);
    }
  }

  private receiveBinary(bytes: Buffer, receivedAt: number): void {
    const producer = this.requireRole("producer", "binary frames");
    const frames = decodeNamingStream(producer, bytes);
    const session = producer.bySlot.get(frames.slot);
    if (session === undefined) {
      throw new EmotionStreamError("UNKNOWN_STREAM", `no stream is open on slot ${frames.slot}`, {
        field: "slot",
        value: frames.slot,
      });
    }
    checkBinaryFits(session, frames);
    this.guarded(session, () =>
      this.parts.liveStreams.push(producer, session, frames.values, receivedAt),
    );
  }

  /** Runs a stream operation; an error that ends the stream closes it (after reporting). */
  private guarded(session: ProducerStream, operation: () => void): void {
    try {
      operation();
    } catch (error) {
      if (error instanceof EmotionStreamError && STREAM_ENDING_ERROR_CODES.includes(error.code)) {
        this.fail(error);
        this.parts.liveStreams.finish(session, "error");
        return;
      }
      throw error;
    }
  }

  /** Streams that need set-up (a resampler) are confirmed once it is done, or closed if it fails. */
  private async prepare(session: ProducerStream): Promise<void> {
    try {
      await session.prepare();
      if (!session.closed) this.sendOpened(session);
    } catch (error) {
      this.parts.liveStreams.finish(session, "error");
      this.fail(error);
    }
  }

  private sendOpened(session: ProducerStream): void {
    const { model } = session;
    const opened: OpenedMessage = {
      type: "opened",
      streamId: session.id,
      slot: session.slot,
      model: model.id,
      classes: model.card.classes,
      featureSet: model.featureSet,
      windowFrames: model.geometry.windowFrames,
      hopFrames: model.geometry.hopFrames,
    };
    this.send(opened);
  }

  private hello(message: HelloMessage): void {
    if (message.protocol !== PROTOCOL_VERSION) {
      throw new EmotionStreamError(
        "PROTOCOL_VERSION",
        `protocol ${message.protocol} is not supported`,
        {
          field: "protocol",
          expected: PROTOCOL_VERSION,
          received: message.protocol,
        },
      );
    }
    const { config, registry, watchers, authentication } = this.parts;
    const verdict = authentication.verify(
      [message.role],
      message.token,
      this.address,
      performance.now(),
    );
    if (verdict.kind === "locked-out") {
      throw new EmotionStreamError(
        "UNAUTHORIZED",
        `too many wrong tokens from this address; try again in ${verdict.retryAfterSeconds} s`,
        { field: "token" },
      );
    }
    if (verdict.kind === "wrong") {
      throw new EmotionStreamError(
        "UNAUTHORIZED",
        `the ${message.role} token is missing or wrong`,
        { field: "token" },
      );
    }
    clearTimeout(this.handshakeTimer);
    if (message.role === "producer") this.producer = new ProducerConnection(this.socket);
    else {
      this.watcher = true;
      watchers.add(this.socket, this.budget);
    }
    const welcome: WelcomeMessage = {
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      role: message.role,
      models: registry.ids(),
      limits: {
        maxPayloadBytes: config.maxPayloadBytes,
        maxStreamsPerConnection: config.maxStreamsPerConnection,
        realTimeFactor: config.realTimeFactor,
      },
    };
    this.send(welcome);
  }

  private requireRole(role: "producer", what: string): ProducerConnection;
  private requireRole(role: "watcher", what: string): undefined;
  private requireRole(role: "producer" | "watcher", what: string): ProducerConnection | undefined {
    if (this.role === undefined) {
      throw new EmotionStreamError("HANDSHAKE_REQUIRED", `${what} before hello`);
    }
    if (this.role !== role) {
      throw new EmotionStreamError("WRONG_ROLE", `a ${this.role} cannot send ${what}`, {
        expected: role,
        received: this.role,
      });
    }
    return this.producer;
  }

  private stream(producer: ProducerConnection, streamId: string): ProducerStream {
    const session = producer.byId.get(streamId);
    if (session === undefined) {
      throw new EmotionStreamError(
        "UNKNOWN_STREAM",
        `stream ${streamId} is not open on this connection`,
        {
          streamId,
        },
      );
    }
    return session;
  }

  private fail(error: unknown): void {
    const known =
      error instanceof EmotionStreamError
        ? error
        : new EmotionStreamError(
            "INTERNAL_ERROR",
            "the server failed to handle the message",
            {},
            { cause: error },
          );
    if (known.code === "INTERNAL_ERROR")
      this.parts.log.error({ err: error }, "message handling failed");
    this.parts.metrics.countError(known.code);
    this.send(errorMessageOf(known));
    // Before a hello is accepted nothing else can be served: the connection ends with its error.
    if (this.role === undefined) {
      this.socket.close(CLOSE_CODES.handshakeFailed, known.code);
    }
  }

  private send(message: object): void {
    sendBounded(this.socket, JSON.stringify(message), this.parts.config.maxUnsentBytes);
  }

  /** Ends every stream of the connection; one that fails to end is logged, the others still end. */
  private closed(): void {
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.resumeTimer);
    if (this.watcher) this.parts.watchers.remove(this.socket);
    for (const session of [...(this.producer?.byId.values() ?? [])]) {
      try {
        this.parts.liveStreams.finish(session, "disconnect");
      } catch (error) {
        this.parts.log.error({ err: error, stream: session.id }, "ending a stream failed");
      }
    }
  }
}
