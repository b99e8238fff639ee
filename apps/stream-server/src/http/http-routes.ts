// The HTTP side of the server's one port: health, readiness, the served models with their cards,
// the live streams, and Prometheus metrics. Any request target is answered (a target that names no
// route gets 404, one that is not a path 400); `/models` and `/streams` ask for the tokens the
// WebSocket roles that see the same things need.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ErrorCode,
  HTTP_ROUTES,
  type ModelsAnswer,
  type StreamsAnswer,
} from "@emotion-stream/core";

/** Who may read a route: anyone, or a client holding a token of the given roles (when set). */
export type RouteAccess = "open" | "watcher" | "producer-or-watcher";

export interface HttpViews {
  readonly ready: () => boolean;
  readonly models: () => ModelsAnswer;
  readonly streams: () => StreamsAnswer;
  readonly metrics: () => string;
  /** Whether the request may read a route of that access; undefined when it may, else the refusal. */
  readonly refusal: (access: RouteAccess, request: IncomingMessage) => HttpRefusal | undefined;
  /** A route handler failed: a bug of ours, logged; the client gets 500. */
  readonly onError: (error: unknown) => void;
}

export interface HttpRefusal {
  readonly status: 401 | 429;
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

interface Route {
  readonly access: RouteAccess;
  readonly answer: (response: ServerResponse) => void;
}

export function createHttpHandler(
  views: HttpViews,
): (request: IncomingMessage, response: ServerResponse) => void {
  const routes: Record<string, Route> = {
    [HTTP_ROUTES.health]: { access: "open", answer: (r) => sendJson(r, 200, { status: "ok" }) },
    [HTTP_ROUTES.ready]: {
      access: "open",
      answer: (r) => {
        const ready = views.ready();
        sendJson(r, ready ? 200 : 503, { status: ready ? "ready" : "no model loaded" });
      },
    },
    [HTTP_ROUTES.models]: {
      access: "producer-or-watcher",
      answer: (r) => sendJson(r, 200, views.models()),
    },
    [HTTP_ROUTES.streams]: { access: "watcher", answer: (r) => sendJson(r, 200, views.streams()) },
    [HTTP_ROUTES.metrics]: {
      access: "open",
      answer: (r) => {
        r.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
        r.end(views.metrics());
      },
    },
  };
  return (request, response) => {
    try {
      const path = requestPath(request.url);
      if (path === undefined) {
        sendError(response, 400, "BAD_ARGUMENT", "the request target is not a path");
        return;
      }
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.setHeader("allow", "GET, HEAD");
        sendError(response, 405, "BAD_ARGUMENT", "method not allowed");
        return;
      }
      const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
      if (route === undefined) {
        sendError(response, 404, "BAD_ARGUMENT", `no route ${truncated(path)}`);
        return;
      }
      const refusal = views.refusal(route.access, request);
      if (refusal !== undefined) {
        if (refusal.retryAfterSeconds !== undefined)
          response.setHeader("retry-after", String(refusal.retryAfterSeconds));
        if (refusal.status === 401) response.setHeader("www-authenticate", "Bearer");
        sendError(response, refusal.status, refusal.code, refusal.message);
        return;
      }
      route.answer(response);
    } catch (error) {
      views.onError(error);
      if (!response.headersSent) sendError(response, 500, "INTERNAL_ERROR", "internal error");
      else response.destroy();
    }
  };
}

/**
 * The path of a request target (RFC 9112 §3.2): origin-form `/path?query`, or absolute-form
 * `http://host/path` as proxies send; undefined for anything else (`*`, `host:port`, garbage).
 * Never throws: `new URL(target, base)` does for targets such as `//` or `//[::1`.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (target === undefined || target === "") return undefined;
  if (target.startsWith("/")) {
    const end = target.search(/[?#]/);
    return end < 0 ? target : target.slice(0, end);
  }
  if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) return undefined;
  return new URL(target).pathname;
}

/** A bearer token from the Authorization header, if the request carries one. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}

// A route name or message quoted back is cut, so a long target is not echoed whole.
const MAX_ECHO = 200;

function truncated(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}…`;
}

function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string) {
  sendJson(response, status, { error: { code, message } });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
