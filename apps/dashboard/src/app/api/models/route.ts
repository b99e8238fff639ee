// The server's /models fetched on the browser's behalf: the stream server answers HTTP without
// CORS headers, and the dashboard's own origin has no such limit. A server with tokens asks for
// one; the browser never sees it.
import { HTTP_ROUTES, modelsAnswerSchema, parseWithSchema } from "@emotion-stream/core";
import { readEnv } from "../../../env.js";
import { parseServerAddress } from "../../../live/server-address.js";
import { type ServedModelsAnswer, servedModelsFrom } from "../../../models/served-models.js";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3000;

export async function GET(request: Request): Promise<Response> {
  const server = new URL(request.url).searchParams.get("server") ?? "";
  const address = parseServerAddress(server);
  if (address === undefined) {
    return answer(400, {
      error: { code: "BAD_ARGUMENT", message: `not an http(s) server address: ${server}` },
    });
  }
  let body: unknown;
  try {
    const response = await fetch(`${address.http}${HTTP_ROUTES.models}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
      headers: authorizationFor(address.http),
    });
    if (!response.ok) {
      return answer(502, {
        error: {
          code: "BAD_MESSAGE",
          message: `${address.http}${HTTP_ROUTES.models} answered ${response.status}`,
        },
      });
    }
    body = await response.json();
  } catch {
    return answer(502, {
      error: {
        code: "CONNECTION_CLOSED",
        message: `the stream server at ${address.http} cannot be reached`,
      },
    });
  }
  try {
    const models = parseWithSchema(modelsAnswerSchema, body, "BAD_MESSAGE", {
      file: `${address.http}${HTTP_ROUTES.models}`,
    });
    return answer(200, { models: servedModelsFrom(models) });
  } catch (error) {
    return answer(502, { error: { code: "BAD_MESSAGE", message: String(error) } });
  }
}

/** The configured watcher token, for the configured server only: a typed address gets none. */
function authorizationFor(http: string): Record<string, string> {
  const { serverUrl, watcherToken } = readEnv();
  if (watcherToken === undefined || parseServerAddress(serverUrl)?.http !== http) return {};
  return { authorization: `Bearer ${watcherToken}` };
}

function answer(status: number, body: ServedModelsAnswer): Response {
  return Response.json(body, { status });
}
