// The HTTP side of the server's one port: health, readiness, the served models with their cards,
// the live streams, and Prometheus metrics.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface HttpViews {
  readonly ready: () => boolean;
  readonly models: () => unknown;
  readonly streams: () => unknown;
  readonly metrics: () => string;
}

export function createHttpHandler(
  views: HttpViews,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      sendJson(response, 405, { error: "method not allowed" });
      return;
    }
    switch (path) {
      case "/healthz":
        sendJson(response, 200, { status: "ok" });
        return;
      case "/readyz": {
        const ready = views.ready();
        sendJson(response, ready ? 200 : 503, { status: ready ? "ready" : "no model loaded" });
        return;
      }
      case "/models":
        sendJson(response, 200, views.models());
        return;
      case "/streams":
        sendJson(response, 200, views.streams());
        return;
      case "/metrics":
        response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
        response.end(views.metrics());
        return;
      default:
        sendJson(response, 404, { error: `no route ${path}` });
    }
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
