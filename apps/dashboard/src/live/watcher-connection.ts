// A watcher's WebSocket to the stream server: hello, subscribe to every stream, hand each
// validated server message on, and reconnect with capped exponential backoff when the line drops.
import {
  CLOSE_CODES,
  type ClientMessage,
  PROTOCOL_VERSION,
  type ServerMessage,
  serverMessageSchema,
} from "@emotion-stream/core";

export type ConnectionState =
  | { readonly kind: "connecting"; readonly attempt: number }
  | { readonly kind: "open"; readonly models: readonly string[] }
  | { readonly kind: "waiting"; readonly reason: string; readonly retryInMs: number }
  | { readonly kind: "refused"; readonly reason: string };

export interface WatcherEvents {
  readonly onState: (state: ConnectionState) => void;
  readonly onMessage: (message: ServerMessage) => void;
}

export interface WatcherOptions {
  readonly token?: string;
  readonly createSocket?: (url: string) => WebSocket;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/** 0.5 s, 1 s, 2 s, ... capped at 10 s. */
export function reconnectDelayMs(failedAttempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(failedAttempts - 1, 0), MAX_DELAY_MS);
}

/** Opens the watcher connection; `close()` stops it and any pending reconnect. */
export function connectWatcher(url: string, events: WatcherEvents, options: WatcherOptions = {}) {
  const createSocket = options.createSocket ?? ((address: string) => new WebSocket(address));
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as number));
  let failedAttempts = 0;
  let socket: WebSocket | undefined;
  let timer: unknown;
  let stopped = false;

  const send = (message: ClientMessage) => socket?.send(JSON.stringify(message));

  const open = () => {
    events.onState({ kind: "connecting", attempt: failedAttempts + 1 });
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      send({
        type: "hello",
        protocol: PROTOCOL_VERSION,
        role: "watcher",
        agent: "emotion-stream dashboard",
        ...(options.token === undefined ? {} : { token: options.token }),
      });
    };
    current.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      const parsed = serverMessageSchema.safeParse(safeJson(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === "welcome") {
        failedAttempts = 0;
        events.onState({ kind: "open", models: message.models });
        send({ type: "subscribe", streams: "all" });
      }
      events.onMessage(message);
    };
    current.onclose = (event) => {
      if (stopped || socket !== current) return;
      socket = undefined;
      if (
        event.code === CLOSE_CODES.handshakeFailed ||
        event.code === CLOSE_CODES.policyViolation
      ) {
        events.onState({
          kind: "refused",
          reason: event.reason || `closed with code ${event.code}`,
        });
        return;
      }
      failedAttempts += 1;
      const retryInMs = reconnectDelayMs(failedAttempts);
      events.onState({ kind: "waiting", reason: describeClose(event), retryInMs });
      timer = setTimer(open, retryInMs);
    };
  };

  open();
  return {
    close(): void {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
      socket?.close(CLOSE_CODES.normal);
      socket = undefined;
    },
  };
}

function describeClose(event: CloseEvent): string {
  if (event.code === 1006) return "the server cannot be reached";
  return event.reason || `the connection closed (code ${event.code})`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
