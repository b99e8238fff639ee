// A stream server address as a user types it: http(s) for its HTTP endpoints, and the WebSocket
// address at the same host (ws for http, wss for https).

export interface ServerAddress {
  /** Without a trailing slash, e.g. `http://localhost:8080`. */
  readonly http: string;
  readonly websocket: string;
}

export function parseServerAddress(text: string): ServerAddress | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const http = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  const websocket = http.replace(/^http/, "ws");
  return { http, websocket };
}
