// Playwright's `test` with the real stream server, serving the live model, as a worker fixture:
// started the first time a test asks for `server`, stopped when the worker ends. The Chromium tests
// use it as is, the engine tests (test/engines/engine-test.ts) build on it.
import { test as base } from "@playwright/test";
import { liveModelPath } from "./e2e-environment.js";
import { type RunningServer, startStreamServer } from "./stream-server-process.js";

export interface StreamServerFixture {
  readonly server: RunningServer;
}

export const test = base.extend<object, StreamServerFixture>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const server = await startStreamServer(liveModelPath() ?? "");
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
