// The dashboard's watcher: core's EmotionStreamClient subscribed to every stream, with the
// connection told as one state for the page. The client reconnects by itself once it has been
// welcomed; before that (server down when the page opens) this keeps trying with the same backoff.
import {
  type ClientOptions,
  EmotionStreamClient,
  EmotionStreamError,
  parseReconnectPolicy,
  reconnectDelay,
  type ServerMessage,
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
  /** Tests pass a fake socket; browsers use their own WebSocket. */
  readonly WebSocket?: ClientOptions["WebSocket"];
}

const WATCHED_MESSAGES = ["subscribed", "stream-started", "prediction", "stream-ended"] as const;
const POLICY = parseReconnectPolicy({ initialDelayMs: 500, maxDelayMs: 10_000 });

/** Watches every stream of the server at `url` until `close()`. */
export function connectWatcher(url: string, events: WatcherEvents, options: WatcherOptions = {}) {
  const client = new EmotionStreamClient({
    url,
    role: "watcher",
    agent: "emotion-stream dashboard",
    reconnect: POLICY,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
  });
  let lastReason = "the server cannot be reached";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  client.on("welcome", (welcome) => events.onState({ kind: "open", models: welcome.models }));
  for (const type of WATCHED_MESSAGES) client.on(type, (message) => events.onMessage(message));
  client.on("disconnected", ({ code, reason }) => {
    lastReason = describeClose(code, reason);
  });
  client.on("reconnecting", ({ delayMs }) => {
    events.onState({ kind: "waiting", reason: lastReason, retryInMs: delayMs });
  });

  const attempt = (failures: number) => {
    events.onState({ kind: "connecting", attempt: failures + 1 });
    client
      .connect()
      .then(() => client.subscribe("all"))
      .catch((error: unknown) => {
        if (stopped) return;
        // The server answered and said no (bad token, wrong protocol): retrying will not help.
        if (error instanceof EmotionStreamError && error.code !== "CONNECTION_CLOSED") {
          events.onState({ kind: "refused", reason: error.describe() });
          return;
        }
        const retryInMs = reconnectDelay(failures, POLICY);
        events.onState({ kind: "waiting", reason: lastReason, retryInMs });
        timer = setTimeout(() => attempt(failures + 1), retryInMs);
      });
  };
  attempt(0);

  return {
    close(): void {
      stopped = true;
      clearTimeout(timer);
      client.close();
    },
  };
}

function describeClose(code: number, reason: string): string {
  if (code === 1006) return "the server cannot be reached";
  return reason || `the connection closed (code ${code})`;
}
