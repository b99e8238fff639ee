// A real server on port 0 serving one tiny model ("tiny") from a temporary directory, started for
// one test or for a whole suite; its model file replaced as deploy tools do, its HTTP answers read
// through core's schemas, and frames of its model's geometry to send it.
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  HTTP_ROUTES,
  modelsAnswerSchema,
  type StreamsAnswer,
  streamsAnswerSchema,
} from "@emotion-stream/core";
import { pino } from "pino";
import { afterAll, beforeAll } from "vitest";
import { type StreamServer, startStreamServer } from "../../src/server.js";
import type { ServerConfigInput } from "../../src/server-config.js";
import { type TinyModelOptions, writeTinyModel } from "./tiny-model.js";

export const TEST_GEOMETRY = { windowFrames: 20, hopFrames: 10, dimension: 13 } as const;

export interface TestServer {
  readonly server: StreamServer;
  /** Where the model file `tiny.onnx` lives. */
  readonly directory: string;
  /** `http://127.0.0.1:<port>`, for the HTTP routes beside the WebSocket. */
  readonly httpUrl: string;
}

export interface StartedTestServer extends TestServer {
  close(): Promise<void>;
}

export async function startTestServer(
  config: Partial<ServerConfigInput> = {},
  model: TinyModelOptions = {},
): Promise<StartedTestServer> {
  const directory = await mkdtemp(join(tmpdir(), "stream-server-"));
  const path = await writeTinyModel(directory, "tiny", {
    windowFrames: TEST_GEOMETRY.windowFrames,
    hopFrames: TEST_GEOMETRY.hopFrames,
    ...model,
  });
  const server = await startStreamServer(
    { port: 0, models: [path], watch: false, realTimeFactor: 10_000, ...config },
    pino({ level: "silent" }),
  );
  return {
    server,
    directory,
    httpUrl: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * One server for the enclosing suite: started in its beforeAll, closed in its afterAll (after the
 * suite's own afterAll hooks, which may still close clients). Read it inside tests and hooks only.
 */
export function useTestServer(
  config: Partial<ServerConfigInput> = {},
  model: TinyModelOptions = {},
): TestServer {
  let started: StartedTestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(config, model);
  });
  afterAll(async () => started?.close());
  const running = (): StartedTestServer => {
    if (started === undefined) throw new Error("the test server starts in the suite's beforeAll");
    return started;
  };
  return {
    get server() {
      return running().server;
    },
    get directory() {
      return running().directory;
    },
    get httpUrl() {
      return running().httpUrl;
    },
  };
}

/** Replaces the model file as deploy tools do: write beside it, then rename over it. */
export async function replaceModel(test: TestServer, bytes: Uint8Array): Promise<void> {
  const staging = join(test.directory, "staging.tmp");
  await writeFile(staging, bytes);
  await rename(staging, join(test.directory, "tiny.onnx"));
}

/** The version of the model the server serves now, from GET /models. */
export async function servedModelVersion(test: TestServer): Promise<number | undefined> {
  const answer = await (await fetch(`${test.httpUrl}${HTTP_ROUTES.models}`)).json();
  return modelsAnswerSchema.parse(answer)[0]?.version;
}

/** The live streams, from GET /streams (a server without a watcher token). */
export async function liveStreams(test: TestServer): Promise<StreamsAnswer> {
  const answer = await (await fetch(`${test.httpUrl}${HTTP_ROUTES.streams}`)).json();
  return streamsAnswerSchema.parse(answer);
}

export async function waitForModelVersion(test: TestServer, version: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await servedModelVersion(test)) !== version) {
    if (Date.now() > deadline) throw new Error(`the model never reached version ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Frames whose values name them: frame t, value d is sin(t * 13 + d), mostly distinct. */
export function speechlikeFrames(
  first: number,
  count: number,
  dimension: number = TEST_GEOMETRY.dimension,
): Float32Array {
  return Float32Array.from({ length: count * dimension }, (_, i) =>
    Math.sin(first * dimension + i),
  );
}
