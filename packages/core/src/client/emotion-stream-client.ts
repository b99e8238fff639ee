// A typed client for producers and watchers, in the browser (global WebSocket) and in Node (pass the
// `ws` package's WebSocket). After a lost connection it reconnects with backoff, says hello again,
// reopens its streams (their stream time restarts at 0) and renews its subscriptions.
import { EmotionStreamError } from "../errors.js";
import { parseWithSchema } from "../parse-with-schema.js";
import {
  type ClientRole,
  languageTagSchema,
  type StreamInput,
} from "../protocol/client-messages.js";
import { CLOSE_CODES, PROTOCOL_VERSION } from "../protocol/protocol-version.js";
import {
  type ErrorMessage,
  type OpenedMessage,
  type PredictionMessage,
  type ServerMessage,
  type StreamEndedMessage,
  type StreamStartedMessage,
  type SubscribedMessage,
  type SummaryMessage,
  serverMessageSchema,
  type WelcomeMessage,
} from "../protocol/server-messages.js";
import { parseReconnectPolicy, type ReconnectPolicy, reconnectDelay } from "./backoff.js";
import { ProducerStream } from "./producer-stream.js";
import { WEBSOCKET_OPEN, type WebSocketConstructor, type WebSocketLike } from "./websocket-like.js";

export interface ClientOptions {
  /** ws:// or wss:// address of the server. */
  readonly url: string;
  readonly role: ClientRole;
  readonly token?: string;
  readonly agent?: string;
  /** Defaults to the global WebSocket (browsers, Node 22+); in Node 20 pass `ws`'s WebSocket. */
  readonly WebSocket?: WebSocketConstructor;
  /** Backoff for reconnecting after a lost connection; false never reconnects. */
  readonly reconnect?: Partial<ReconnectPolicy> | false;
}

export interface ClientEvents {
  welcome: WelcomeMessage;
  opened: OpenedMessage;
  prediction: PredictionMessage;
  summary: SummaryMessage;
  subscribed: SubscribedMessage;
  "stream-started": StreamStartedMessage;
  "stream-ended": StreamEndedMessage;
  error: ErrorMessage;
  disconnected: { readonly code: number; readonly reason: string };
  reconnecting: { readonly attempt: number; readonly delayMs: number };
}

type Listener<Event extends keyof ClientEvents> = (event: ClientEvents[Event]) => void;

export interface OpenStreamOptions {
  readonly streamId: string;
  readonly model: string;
  readonly input: StreamInput;
  /** The spoken language when known (BCP 47, e.g. `de-DE`); watchers see it. */
  readonly language?: string;
}

export class EmotionStreamClient {
  private readonly WebSocketImpl: WebSocketConstructor;
  private readonly policy: ReconnectPolicy | undefined;
  private readonly listeners = new Map<keyof ClientEvents, Set<Listener<keyof ClientEvents>>>();
  private readonly streams = new Map<string, ProducerStream>();
  private readonly pendingSubscribes: ((message: SubscribedMessage) => void)[] = [];
  private subscriptions: "all" | Set<string> | undefined;
  private socket: WebSocketLike | undefined;
  private welcomed = false;
  private everWelcomed = false;
  private closedByUser = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ClientOptions) {
    const impl =
      options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (impl === undefined) {
      throw new EmotionStreamError(
        "BAD_CONFIG",
        "no global WebSocket here; pass one as options.WebSocket",
        {
          field: "WebSocket",
        },
      );
    }
    this.WebSocketImpl = impl;
    this.policy =
      options.reconnect === false ? undefined : parseReconnectPolicy(options.reconnect ?? {});
  }

  get connected(): boolean {
    return this.welcomed && this.socket?.readyState === WEBSOCKET_OPEN;
  }

  /** Connects and completes the hello; rejects with the server's error code if refused. */
  connect(): Promise<WelcomeMessage> {
    this.closedByUser = false;
    return this.openSocket();
  }

  on<Event extends keyof ClientEvents>(event: Event, listener: Listener<Event>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<keyof ClientEvents>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<keyof ClientEvents>);
  }

  /** Opens a stream on a free slot; resolves once the server confirms it. */
  async openStream(options: OpenStreamOptions): Promise<ProducerStream> {
    // Checked here, so a bad tag is the caller's error rather than the server's BAD_MESSAGE.
    const language =
      options.language === undefined
        ? undefined
        : parseWithSchema(languageTagSchema, options.language, "BAD_ARGUMENT", {
            field: "language",
            streamId: options.streamId,
          });
    const stream = new ProducerStream(
      options.streamId,
      this.freeSlot(),
      options.model,
      options.input,
      (data) => this.send(data),
      language,
    );
    this.streams.set(options.streamId, stream);
    try {
      await stream.open();
    } catch (error) {
      this.streams.delete(options.streamId);
      throw error;
    }
    return stream;
  }

  /** Watchers: adds streams (or all) to the subscription; kept across reconnects. */
  subscribe(streams: "all" | readonly string[]): Promise<SubscribedMessage> {
    if (streams === "all") this.subscriptions = "all";
    else if (this.subscriptions !== "all")
      this.subscriptions = new Set([...(this.subscriptions ?? []), ...streams]);
    return new Promise((resolve, reject) => {
      this.pendingSubscribes.push(resolve);
      if (!this.send(JSON.stringify({ type: "subscribe", streams }))) {
        this.pendingSubscribes.pop();
        reject(new EmotionStreamError("CONNECTION_CLOSED", "not connected"));
      }
    });
  }

  close(): void {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close(CLOSE_CODES.normal, "client closed");
  }

  private openSocket(): Promise<WelcomeMessage> {
    return new Promise((resolve, reject) => {
      const socket = new this.WebSocketImpl(this.options.url);
      this.socket = socket;
      this.welcomed = false;
      socket.onopen = () => {
        const { role, token, agent } = this.options;
        socket.send(
          JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, role, token, agent }),
        );
      };
      socket.onmessage = (event) => {
        const message = this.parse(event.data);
        if (message?.type === "welcome") {
          this.welcomed = true;
          this.attempt = 0;
          resolve(message);
          this.restore(this.everWelcomed);
          this.everWelcomed = true;
        } else if (message?.type === "error" && !this.welcomed) {
          reject(new EmotionStreamError(message.code, message.message));
        }
        if (message !== undefined) this.dispatch(message);
      };
      socket.onclose = ({ code, reason }) => {
        if (this.socket === socket) this.socket = undefined;
        if (!this.welcomed)
          reject(new EmotionStreamError("CONNECTION_CLOSED", `closed before welcome (${code})`));
        this.welcomed = false;
        this.emit("disconnected", { code, reason });
        this.scheduleReconnect(code);
      };
      socket.onerror = () => {};
    });
  }

  private scheduleReconnect(code: number): void {
    const policy = this.policy;
    const hopeless = code === CLOSE_CODES.handshakeFailed || code === CLOSE_CODES.messageTooBig;
    if (
      this.closedByUser ||
      policy === undefined ||
      !this.everWelcomed ||
      hopeless ||
      this.attempt >= policy.maxAttempts
    ) {
      const error = new EmotionStreamError("CONNECTION_CLOSED", `connection closed (${code})`);
      for (const stream of this.streams.values()) stream.fail(error);
      this.streams.clear();
      return;
    }
    const delayMs = reconnectDelay(this.attempt, policy);
    this.attempt++;
    this.emit("reconnecting", { attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      this.openSocket().catch(() => {});
    }, delayMs);
  }

  /** After a reconnect: the server forgot us, so reopen live streams and renew subscriptions. */
  private restore(reconnected: boolean): void {
    if (!reconnected) return;
    for (const stream of this.streams.values()) {
      if (stream.live) this.send(JSON.stringify(stream.openMessage));
    }
    const subscriptions = this.subscriptions;
    if (subscriptions !== undefined) {
      const streams = subscriptions === "all" ? "all" : [...subscriptions];
      this.pendingSubscribes.push(() => {});
      this.send(JSON.stringify({ type: "subscribe", streams }));
    }
  }

  private dispatch(message: ServerMessage): void {
    if (
      message.type === "opened" ||
      message.type === "summary" ||
      (message.type === "error" && message.streamId !== undefined)
    ) {
      const stream = this.streams.get(message.streamId ?? "");
      stream?.receive(message);
      if (message.type === "summary") this.streams.delete(message.streamId);
    }
    if (message.type === "subscribed") this.pendingSubscribes.shift()?.(message);
    this.emit(message.type, message as never);
  }

  private parse(data: unknown): ServerMessage | undefined {
    const result =
      typeof data === "string" ? serverMessageSchema.safeParse(safeJson(data)) : undefined;
    if (result?.success) return result.data;
    this.emit("error", {
      type: "error",
      code: "BAD_MESSAGE",
      message: "the server sent a message this client cannot read",
    });
    return undefined;
  }

  private emit<Event extends keyof ClientEvents>(event: Event, value: ClientEvents[Event]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<Event>)(value);
  }

  private send(data: string | Uint8Array): boolean {
    if (!this.connected || this.socket === undefined) return false;
    this.socket.send(data);
    return true;
  }

  private freeSlot(): number {
    const used = new Set([...this.streams.values()].map((stream) => stream.slot));
    for (let slot = 0; slot <= 0xffff; slot++) if (!used.has(slot)) return slot;
    throw new EmotionStreamError("STREAM_LIMIT", "all 65536 slots of this connection are in use");
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
